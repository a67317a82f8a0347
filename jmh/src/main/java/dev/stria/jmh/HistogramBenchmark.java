package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
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
 * Explicit-bucket histogram observe on one labelled series: the 11 Prometheus default bounds,
 * values spread evenly over the 12 buckets in a shuffled order. Dropwizard has no buckets; its
 * histogram (an exponentially decaying reservoir) is its idiom for the same job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramBenchmark {
  private dev.stria.Histogram.Series stria;
  private DistributionDataPoint prometheusClassicOnly;
  private DistributionDataPoint prometheusClassicAndNative;
  private SdkMeterProvider otelProvider;
  private DoubleHistogram otel;
  private Attributes otelAttributes;
  private DistributionSummary micrometer;
  private com.codahale.metrics.Histogram dropwizard;
  private Recorder hdrRecorder;

  @Setup
  public void setUp() {
    stria = new StriaSetup().explicitHistogram("duration").labels("/orders");
    PrometheusRegistry registry = new PrometheusRegistry();
    prometheusClassicOnly =
        Peers.prometheusHistogram(registry, "classic", Peers.PrometheusMode.CLASSIC_ONLY)
            .labelValues("/orders");
    prometheusClassicAndNative =
        Peers.prometheusHistogram(registry, "both", Peers.PrometheusMode.CLASSIC_AND_NATIVE)
            .labelValues("/orders");
    otelProvider = Peers.otelProvider(false);
    otel = Peers.otelHistogram(otelProvider.get("bench"), "duration");
    otelAttributes = Peers.otelAttributes("/orders");
    micrometer = Peers.micrometerSummary(new SimpleMeterRegistry(), "duration", "/orders");
    dropwizard = new MetricRegistry().histogram("duration./orders");
    hdrRecorder = Peers.hdrRecorder();
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void stria(Cursor cursor) {
    stria.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheusClassicOnly(Cursor cursor) {
    prometheusClassicOnly.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheusClassicAndNative(Cursor cursor) {
    prometheusClassicAndNative.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void otelExplicit(Cursor cursor) {
    otel.record(cursor.explicitSeconds(), otelAttributes);
  }

  @Benchmark
  public void micrometer(Cursor cursor) {
    micrometer.record(cursor.explicitSeconds());
  }

  @Benchmark
  public void dropwizard(Cursor cursor) {
    dropwizard.update(cursor.explicitNanos());
  }

  /** HdrHistogram's {@code Recorder}: issue 15 counts it as a peer of the explicit histogram. */
  @Benchmark
  public void hdrRecorder(Cursor cursor) {
    hdrRecorder.recordValue(cursor.explicitNanos());
  }
}
