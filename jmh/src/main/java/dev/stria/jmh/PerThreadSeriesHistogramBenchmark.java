package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Explicit-bucket histogram observe where every thread has a series of its own on one shared
 * instrument (run with {@code -t 1}, {@code -t 2}, {@code -t 4}); {@link HistogramBenchmark} is the
 * same with all threads on one series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerThreadSeriesHistogramBenchmark {
  private final AtomicInteger threads = new AtomicInteger();

  private dev.stria.Histogram stria;
  private Histogram prometheusClassicOnly;
  private Histogram prometheusClassicAndNative;
  private SdkMeterProvider otelProvider;
  private DoubleHistogram otel;
  private MeterRegistry micrometerRegistry;
  private MetricRegistry dropwizardRegistry;

  /** One thread's own series on each library's shared instrument. */
  @State(Scope.Thread)
  public static class Series {
    private dev.stria.Histogram.Series stria;
    private DistributionDataPoint prometheusClassicOnly;
    private DistributionDataPoint prometheusClassicAndNative;
    private Attributes otel;
    private DistributionSummary micrometer;
    private com.codahale.metrics.Histogram dropwizard;

    @Setup
    public void setUp(PerThreadSeriesHistogramBenchmark shared) {
      String labelValue = "/thread/" + shared.threads.getAndIncrement();
      stria = shared.stria.labels(labelValue);
      prometheusClassicOnly = shared.prometheusClassicOnly.labelValues(labelValue);
      prometheusClassicAndNative = shared.prometheusClassicAndNative.labelValues(labelValue);
      otel = Peers.otelAttributes(labelValue);
      micrometer = Peers.micrometerSummary(shared.micrometerRegistry, "duration", labelValue);
      dropwizard =
          shared.dropwizardRegistry.histogram(MetricRegistry.name("duration", labelValue));
    }
  }

  @Setup
  public void setUp() {
    stria = new StriaSetup().explicitHistogram("duration");
    PrometheusRegistry registry = new PrometheusRegistry();
    prometheusClassicOnly =
        Peers.prometheusHistogram(registry, "classic", Peers.PrometheusMode.CLASSIC_ONLY);
    prometheusClassicAndNative =
        Peers.prometheusHistogram(registry, "both", Peers.PrometheusMode.CLASSIC_AND_NATIVE);
    otelProvider = Peers.otelProvider(false);
    otel = Peers.otelHistogram(otelProvider.get("bench"), "duration");
    micrometerRegistry = new SimpleMeterRegistry();
    dropwizardRegistry = new MetricRegistry();
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void stria(Series series, Cursor cursor) {
    series.stria.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheusClassicOnly(Series series, Cursor cursor) {
    series.prometheusClassicOnly.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheusClassicAndNative(Series series, Cursor cursor) {
    series.prometheusClassicAndNative.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void otelExplicit(Series series, Cursor cursor) {
    otel.record(cursor.explicitSeconds(), series.otel);
  }

  @Benchmark
  public void micrometer(Series series, Cursor cursor) {
    series.micrometer.record(cursor.explicitSeconds());
  }

  @Benchmark
  public void dropwizard(Series series, Cursor cursor) {
    series.dropwizard.update(cursor.explicitNanos());
  }
}
