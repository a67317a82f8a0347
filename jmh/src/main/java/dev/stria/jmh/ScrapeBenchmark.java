package dev.stria.jmh;

import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.prometheus.ProtobufFormatWriter;
import dev.stria.prometheus.StriaCollector;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Prometheus scrape of 10,000 histogram series (1,000 histograms with the 11 default bounds,
 * times 10 label values), written in the text or protobuf format to a discarding stream: Stria's
 * collector (collect the cumulative reader, convert, write) beside Prometheus client_java
 * scraping the same shape of its own classic histograms. Both go through a {@link
 * PrometheusRegistry}, and each is written by the writer its endpoint serves that format with:
 * client_java's text writer for both; for protobuf, Stria's {@link ProtobufFormatWriter} (what
 * {@code PrometheusExporter} serves) and client_java's {@link PrometheusProtobufWriter}, which
 * write the same bytes for the same snapshots. Stria's scope labels and {@code target_info} are
 * off so that both scrapes have the same series.
 *
 * <p>{@code format=model} writes nothing: it measures the collection and the snapshots in
 * client_java's model that a writer would be given. What client_java's protobuf writer allocates
 * depends on how C2 happened to compile it in that JVM (on Java 25, 18.3 MB per scrape in some
 * JVMs and 27.4 MB in others, for Stria's snapshots and client_java's alike: a loop of scrapes
 * measured with the thread's allocation counter, 2026-11-30). Hence three forks: with one, a line
 * can land on either mode and measure that draw.
 *
 * <p>Run with {@code -prof gc} to compare {@code gc.alloc.rate.norm} per scrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class ScrapeBenchmark {
  static final int HISTOGRAMS = 1_000;
  static final int LABEL_VALUES = 10;
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  @Param({"text", "protobuf", "model"})
  public String format;

  private PrometheusRegistry stria;
  private PrometheusRegistry clientJava;
  private ExpositionFormatWriter striaWriter; // null for format=model
  private ExpositionFormatWriter clientJavaWriter;
  private dev.stria.MetricReader reader;

  @Setup
  public void setUp() {
    switch (format) {
      case "text" -> {
        striaWriter = PrometheusTextFormatWriter.create();
        clientJavaWriter = striaWriter;
      }
      case "protobuf" -> {
        striaWriter = new ProtobufFormatWriter();
        clientJavaWriter = new PrometheusProtobufWriter();
      }
      default -> { } // model: nothing is written
    }
    SplittableRandom random = new SplittableRandom(42);

    MeterRegistry registry = new MeterRegistry();
    for (int h = 0; h < HISTOGRAMS; h++) {
      Histogram histogram = registry.histogram("scrape.h" + h).unit("s").buckets(BOUNDS)
          .labelNames("route").register();
      for (int l = 0; l < LABEL_VALUES; l++) {
        histogram.labels("/route" + l).observe(random.nextDouble() * 2);
      }
    }
    reader = registry.newReader(Temporality.CUMULATIVE);
    stria = new PrometheusRegistry();
    StriaCollector.builder(reader).scopeLabels(false).targetInfo(false).build().register(stria);

    clientJava = new PrometheusRegistry();
    for (int h = 0; h < HISTOGRAMS; h++) {
      io.prometheus.metrics.core.metrics.Histogram histogram =
          io.prometheus.metrics.core.metrics.Histogram.builder()
              .name("scrape_h" + h + "_seconds").unit(Unit.SECONDS)
              .classicOnly().classicUpperBounds(BOUNDS)
              .labelNames("route").register(clientJava);
      for (int l = 0; l < LABEL_VALUES; l++) {
        histogram.labelValues("/route" + l).observe(random.nextDouble() * 2);
      }
    }
  }

  @TearDown
  public void tearDown() {
    reader.close();
  }

  @Benchmark
  public long striaScrape() throws IOException {
    return scrape(stria, striaWriter);
  }

  @Benchmark
  public long clientJavaScrape() throws IOException {
    return scrape(clientJava, clientJavaWriter);
  }

  private static long scrape(PrometheusRegistry registry, ExpositionFormatWriter writer)
      throws IOException {
    MetricSnapshots snapshots = registry.scrape();
    if (writer == null) {
      return snapshots.size();
    }
    CountingStream out = new CountingStream();
    writer.write(out, snapshots);
    return out.bytes;
  }

  /** Discards what is written but counts it, so that the writing cannot be optimised away. */
  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
