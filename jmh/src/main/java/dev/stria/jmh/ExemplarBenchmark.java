package dev.stria.jmh;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.tracer.initializer.SpanContextSupplier;
import io.prometheus.metrics.tracer.otel.OpenTelemetrySpanContext;
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
 * What exemplars cost on an explicit-bucket histogram observe (one cached series, the Prometheus
 * default bounds, values over all buckets): Stria with exemplars off (today's cost), on with no
 * span current, and on inside a sampled span; beside the OpenTelemetry SDK with its default
 * trace-based exemplar filter and client_java with its exemplar sampler reading the
 * OpenTelemetry span ({@code OpenTelemetrySpanContext}), each with no span and inside a sampled
 * span. The span is made current with the API alone ({@code Span.wrap}, no tracer SDK), as an
 * instrumented request would have it. Run with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExemplarBenchmark {
  private dev.stria.Histogram.Series striaOff;
  private dev.stria.Histogram.Series stria;
  private DistributionDataPoint prometheus;
  private SdkMeterProvider otelProvider;
  private DoubleHistogram otel;
  private Attributes otelAttributes;

  @Setup
  public void setUp() {
    striaOff = histogram(dev.stria.MeterRegistry.builder().exemplars(false).build());
    stria = histogram(new dev.stria.MeterRegistry());
    SpanContextSupplier.setSpanContext(new OpenTelemetrySpanContext());
    prometheus = Peers.prometheusHistogram(new PrometheusRegistry(), "duration",
        Peers.PrometheusMode.CLASSIC_ONLY).labelValues("/orders");
    otelProvider = Peers.otelProvider(false); // the SDK's default filter: trace-based
    otel = Peers.otelHistogram(otelProvider.get("bench"), "duration");
    otelAttributes = Peers.otelAttributes("/orders");
  }

  private static dev.stria.Histogram.Series histogram(dev.stria.MeterRegistry registry) {
    return registry.histogram("duration").unit("s").labelNames("route").register()
        .labels("/orders");
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  /** A sampled span current on the benchmark thread for the whole iteration. */
  @State(Scope.Thread)
  public static class InSampledSpan {
    private io.opentelemetry.context.Scope scope;

    @Setup(Level.Iteration)
    public void enter() {
      scope = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent();
    }

    @TearDown(Level.Iteration)
    public void leave() {
      scope.close();
    }
  }

  @Benchmark
  public void striaExemplarsOff(Cursor cursor) {
    striaOff.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void striaNoSpan(Cursor cursor) {
    stria.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void striaSampledSpan(Cursor cursor, InSampledSpan span) {
    stria.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void otelSdkNoSpan(Cursor cursor) {
    otel.record(cursor.explicitSeconds(), otelAttributes);
  }

  @Benchmark
  public void otelSdkSampledSpan(Cursor cursor, InSampledSpan span) {
    otel.record(cursor.explicitSeconds(), otelAttributes);
  }

  @Benchmark
  public void prometheusNoSpan(Cursor cursor) {
    prometheus.observe(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheusSampledSpan(Cursor cursor, InSampledSpan span) {
    prometheus.observe(cursor.explicitSeconds());
  }
}
