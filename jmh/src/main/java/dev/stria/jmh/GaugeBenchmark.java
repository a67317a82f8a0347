package dev.stria.jmh;

import com.codahale.metrics.DefaultSettableGauge;
import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Gauge set on one labelled series, a different value each time (from the thread's {@link
 * Cursor}). Micrometer's documented idiom is a gauge that reads an {@link AtomicLong} the caller
 * sets, which makes it the floor of this case; Dropwizard's settable gauge boxes the value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GaugeBenchmark {
  private dev.stria.Gauge.Series stria;
  private GaugeDataPoint prometheus;
  private SdkMeterProvider otelProvider;
  private DoubleGauge otel;
  private Attributes otelAttributes;
  private AtomicLong micrometer;
  private DefaultSettableGauge<Double> dropwizard;

  @Setup
  public void setUp() {
    stria =
        new StriaSetup()
            .registry()
            .gauge("active_requests")
            .labelNames(Peers.LABEL)
            .register()
            .labels("/orders");
    prometheus =
        Gauge.builder()
            .name("active_requests")
            .help("benchmark gauge")
            .labelNames(Peers.LABEL)
            .register(new PrometheusRegistry())
            .labelValues("/orders");
    otelProvider = Peers.otelProvider(false);
    otel = otelProvider.get("bench").gaugeBuilder("active_requests").build();
    otelAttributes = Peers.otelAttributes("/orders");
    micrometer =
        new SimpleMeterRegistry()
            .gauge("active_requests", Tags.of(Peers.LABEL, "/orders"), new AtomicLong());
    dropwizard = new DefaultSettableGauge<>(0.0);
    new MetricRegistry().register("active_requests./orders", dropwizard);
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void stria(Cursor cursor) {
    stria.set(cursor.explicitSeconds());
  }

  @Benchmark
  public void prometheus(Cursor cursor) {
    prometheus.set(cursor.explicitSeconds());
  }

  @Benchmark
  public void otel(Cursor cursor) {
    otel.set(cursor.explicitSeconds(), otelAttributes);
  }

  @Benchmark
  public void micrometer(Cursor cursor) {
    micrometer.set(cursor.explicitNanos());
  }

  @Benchmark
  public void dropwizard(Cursor cursor) {
    dropwizard.setValue(cursor.explicitSeconds());
  }
}
