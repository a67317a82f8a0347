package dev.stria.jmh;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.otlp.OtlpExporter;
import dev.stria.otlp.OtlpProtobufEncoder;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.internal.otlp.metrics.LowAllocationMetricsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OTLP protobuf encoding of 10,000 points — 50 counters and 50 explicit histograms (11 bounds),
 * 100 series each with two labels — by Stria's hand-made encoder and by the OpenTelemetry SDK
 * 1.67.0's marshalers (the immutable one and the low-allocation one its exporter uses with
 * reusable data), and the whole export of that shape to a loopback receiver by both exporters.
 *
 * <p>Time per op here; allocation with {@code -prof gc} ({@code gc.alloc.rate.norm}; the export
 * benchmarks also count the receiver's and the HTTP clients' threads); the request sizes are
 * printed at setup (the same every op: cumulative data, encoded again).
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar OtlpEncodeBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OtlpEncodeBenchmark {
  static final int METRICS_PER_KIND = 50;
  static final int SERIES = 100;
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  /**
   * The same 10,000 points in both libraries, recorded once and collected once (cumulative), plus
   * the encoders. No threads of its own, so {@code -prof gc} sees only the encoding.
   */
  @State(Scope.Benchmark)
  public static class Shape {
    List<MetricSnapshot> striaData;
    Resource striaResource;
    InstrumentationScope striaScope;
    final OtlpProtobufEncoder striaEncoder = new OtlpProtobufEncoder();
    Collection<MetricData> otelData;
    final LowAllocationMetricsRequestMarshaler otelLowAllocation =
        new LowAllocationMetricsRequestMarshaler();
    final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 21);

    @Setup(Level.Trial)
    public void record() throws IOException {
      MeterRegistry registry = new MeterRegistry();
      InMemoryMetricReader otelReader = InMemoryMetricReader.create();
      SdkMeterProvider provider =
          SdkMeterProvider.builder().registerMetricReader(otelReader).build();
      Meter meter = provider.get("dev.stria.jmh");
      List<Double> bounds = Arrays.stream(BOUNDS).boxed().toList();
      for (int m = 0; m < METRICS_PER_KIND; m++) {
        Counter counter = registry.counter("bench.requests." + m).unit("1")
            .labelNames("method", "route").register();
        Histogram histogram = registry.histogram("bench.duration." + m).unit("s")
            .buckets(BOUNDS).labelNames("method", "route").register();
        DoubleCounter otelCounter = meter.counterBuilder("bench.requests." + m).setUnit("1")
            .ofDoubles().build();
        DoubleHistogram otelHistogram = meter.histogramBuilder("bench.duration." + m)
            .setUnit("s").setExplicitBucketBoundariesAdvice(bounds).build();
        for (int s = 0; s < SERIES; s++) {
          String method = s % 2 == 0 ? "GET" : "POST";
          String route = "/api/v1/resource/" + s;
          Attributes attributes = Attributes.of(AttributeKey.stringKey("method"), method,
              AttributeKey.stringKey("route"), route);
          for (int i = 1; i <= 5; i++) {
            double v = 0.003 * i * (s + 1);
            counter.labels(method, route).add(i);
            histogram.labels(method, route).observe(v);
            otelCounter.add(i, attributes);
            otelHistogram.record(v, attributes);
          }
        }
      }
      MetricReader striaReader = registry.newReader(Temporality.CUMULATIVE);
      striaData = striaReader.collect();
      striaResource = striaReader.resource();
      striaScope = striaReader.scope();
      otelData = otelReader.collectAllMetrics();
      sink.reset();
      MetricsRequestMarshaler.create(otelData).writeBinaryTo(sink);
      System.out.printf("%nencoded request: stria %d bytes, opentelemetry %d bytes (%d points)%n",
          striaEncoder.encode(striaResource, striaScope, striaData).remaining(), sink.size(),
          points(striaData));
    }
  }

  /** A loopback receiver and both exporters pointed at it. */
  @State(Scope.Benchmark)
  public static class Loopback {
    LoopbackOtlpReceiver receiver;
    OtlpExporter striaExporter;
    OtlpHttpMetricExporter otelExporter;

    @Setup(Level.Trial)
    public void start(Shape shape) throws IOException {
      receiver = new LoopbackOtlpReceiver();
      striaExporter = OtlpExporter.builder()
          .reader(new FixedReader(shape.striaData, shape.striaResource, shape.striaScope))
          .endpoint(receiver.endpoint()).interval(Duration.ofHours(1)).start();
      otelExporter = OtlpHttpMetricExporter.builder().setEndpoint(receiver.endpoint()).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      striaExporter.close();
      otelExporter.shutdown().join(10, TimeUnit.SECONDS);
      receiver.close();
    }
  }

  /** Stria: the hand-made encoder into its reused buffer. */
  @Benchmark
  public ByteBuffer striaEncodeProtobuf(Shape shape) {
    return shape.striaEncoder.encode(shape.striaResource, shape.striaScope, shape.striaData);
  }

  /** OpenTelemetry: the immutable marshaler, written to a reused stream. */
  @Benchmark
  public int otelEncodeImmutable(Shape shape) throws IOException {
    shape.sink.reset();
    MetricsRequestMarshaler.create(shape.otelData).writeBinaryTo(shape.sink);
    return shape.sink.size();
  }

  /** OpenTelemetry: the low-allocation marshaler (the exporter's reusable-data mode). */
  @Benchmark
  public int otelEncodeLowAllocation(Shape shape) throws IOException {
    shape.sink.reset();
    shape.otelLowAllocation.initialize(shape.otelData);
    try {
      shape.otelLowAllocation.writeBinaryTo(shape.sink);
    } finally {
      shape.otelLowAllocation.reset();
    }
    return shape.sink.size();
  }

  /** Stria's exporter: collect (a fixed list), encode, POST, read the answer. */
  @Benchmark
  public boolean striaExportToLoopback(Loopback loopback) {
    return loopback.striaExporter.forceFlush();
  }

  /** OpenTelemetry's OTLP/HTTP exporter: the same shape, the same receiver. */
  @Benchmark
  public boolean otelExportToLoopback(Shape shape, Loopback loopback) {
    return loopback.otelExporter.export(shape.otelData).join(10, TimeUnit.SECONDS).isSuccess();
  }

  private static int points(List<MetricSnapshot> data) {
    return data.stream().mapToInt(m -> m.points().size()).sum();
  }

  /** A reader that returns the same collection every time, so exports measure the exporter. */
  private record FixedReader(List<MetricSnapshot> data, Resource resource,
      InstrumentationScope scope) implements MetricReader {
    @Override
    public List<MetricSnapshot> collect() {
      return data;
    }

    @Override
    public TemporalitySelector temporality() {
      return TemporalitySelector.always(Temporality.CUMULATIVE);
    }

    @Override
    public void close() {}
  }
}
