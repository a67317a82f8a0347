package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
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
 * Timing an empty block into an explicit-bucket histogram (Prometheus default bounds, seconds),
 * each library with its own timer idiom: try-with-resources where the library offers a closeable
 * timer, a sample object (Micrometer), or two {@link System#nanoTime()} reads around the block
 * (OpenTelemetry and HdrHistogram have no timer). The cost is the two clock reads plus one
 * record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimerBenchmark {
  private static final double NANOS_PER_SECOND = 1e9;

  private dev.stria.Histogram.Series stria;
  private DistributionDataPoint prometheus;
  private SdkMeterProvider otelProvider;
  private DoubleHistogram otel;
  private Attributes otelAttributes;
  private MeterRegistry micrometerRegistry;
  private io.micrometer.core.instrument.Timer micrometer;
  private com.codahale.metrics.Timer dropwizard;
  private Recorder hdrRecorder;

  @Setup
  public void setUp() {
    stria = new StriaSetup().explicitHistogram("duration").labels("/orders");
    prometheus =
        Peers.prometheusHistogram(
                new PrometheusRegistry(), "duration", Peers.PrometheusMode.CLASSIC_AND_NATIVE)
            .labelValues("/orders");
    otelProvider = Peers.otelProvider(false);
    otel = Peers.otelHistogram(otelProvider.get("bench"), "duration");
    otelAttributes = Peers.otelAttributes("/orders");
    micrometerRegistry = new SimpleMeterRegistry();
    micrometer = Peers.micrometerTimer(micrometerRegistry, "duration", "/orders");
    dropwizard = new MetricRegistry().timer("duration./orders");
    hdrRecorder = Peers.hdrRecorder();
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  /** The floor of every timer here: the two clock reads, nothing recorded. */
  @Benchmark
  public long floorNanoTimeTwice() {
    long start = System.nanoTime();
    return System.nanoTime() - start;
  }

  @Benchmark
  @SuppressWarnings("try")
  public void stria() {
    try (dev.stria.Timer timer = stria.startTimer()) {
      // the timed block
    }
  }

  @Benchmark
  @SuppressWarnings("try")
  public void prometheus() {
    try (io.prometheus.metrics.core.datapoints.Timer timer = prometheus.startTimer()) {
      // the timed block
    }
  }

  @Benchmark
  public void otel() {
    long start = System.nanoTime();
    otel.record((System.nanoTime() - start) / NANOS_PER_SECOND, otelAttributes);
  }

  @Benchmark
  public long micrometer() {
    io.micrometer.core.instrument.Timer.Sample sample =
        io.micrometer.core.instrument.Timer.start(micrometerRegistry);
    return sample.stop(micrometer);
  }

  @Benchmark
  @SuppressWarnings("try")
  public void dropwizard() {
    try (com.codahale.metrics.Timer.Context context = dropwizard.time()) {
      // the timed block
    }
  }

  @Benchmark
  public void hdrRecorder() {
    long start = System.nanoTime();
    hdrRecorder.recordValue(System.nanoTime() - start);
  }
}
