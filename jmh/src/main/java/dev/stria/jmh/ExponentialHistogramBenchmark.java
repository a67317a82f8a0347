package dev.stria.jmh;

import io.micrometer.core.instrument.DistributionSummary;
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
 * Exponential histogram observe on one labelled series, values log-uniform over six decades:
 * Prometheus native histograms, OpenTelemetry's base-2 exponential aggregation, Micrometer's
 * percentile histogram and HdrHistogram's {@link Recorder} (log-linear, {@code long} values).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExponentialHistogramBenchmark {
  private dev.stria.Histogram.Series stria;
  private DistributionDataPoint prometheusNativeOnly;
  private DistributionDataPoint prometheusClassicAndNative;
  private SdkMeterProvider otelProvider;
  private DoubleHistogram otel;
  private Attributes otelAttributes;
  private DistributionSummary micrometer;
  private Recorder hdrRecorder;

  @Setup
  public void setUp() {
    stria = new StriaSetup().exponentialHistogram("duration").labels("/orders");
    PrometheusRegistry registry = new PrometheusRegistry();
    prometheusNativeOnly =
        Peers.prometheusHistogram(registry, "native", Peers.PrometheusMode.NATIVE_ONLY)
            .labelValues("/orders");
    prometheusClassicAndNative =
        Peers.prometheusHistogram(registry, "both", Peers.PrometheusMode.CLASSIC_AND_NATIVE)
            .labelValues("/orders");
    otelProvider = Peers.otelProvider(true);
    otel = Peers.otelHistogram(otelProvider.get("bench"), "duration");
    otelAttributes = Peers.otelAttributes("/orders");
    micrometer =
        Peers.micrometerPercentileSummary(new SimpleMeterRegistry(), "duration", "/orders");
    hdrRecorder = Peers.hdrRecorder();
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void stria(Cursor cursor) {
    stria.observe(cursor.exponentialSeconds());
  }

  @Benchmark
  public void prometheusNativeOnly(Cursor cursor) {
    prometheusNativeOnly.observe(cursor.exponentialSeconds());
  }

  @Benchmark
  public void prometheusClassicAndNative(Cursor cursor) {
    prometheusClassicAndNative.observe(cursor.exponentialSeconds());
  }

  @Benchmark
  public void otelExponential(Cursor cursor) {
    otel.record(cursor.exponentialSeconds(), otelAttributes);
  }

  @Benchmark
  public void micrometerPercentileHistogram(Cursor cursor) {
    micrometer.record(cursor.exponentialSeconds());
  }

  @Benchmark
  public void hdrRecorder(Cursor cursor) {
    hdrRecorder.recordValue(cursor.exponentialMicros());
  }
}
