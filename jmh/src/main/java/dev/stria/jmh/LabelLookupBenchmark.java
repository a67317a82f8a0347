package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
 * A counter increment on one of {@code cardinality} series, the next one each call: held bound
 * series ({@code ...Bound}: cached children, prebuilt attributes) against finding the series from
 * its label value on every call ({@code ...Lookup}), the way code without a cache does. The label
 * values exist beforehand; only what a library does with them is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LabelLookupBenchmark {
  /** Series per instrument; a power of two. */
  @Param({"1", "128"})
  public int cardinality;

  private String[] labelValues;
  private String[] dropwizardNames;

  private dev.stria.Counter stria;
  private dev.stria.Counter.Series[] striaBound;
  private Counter prometheus;
  private CounterDataPoint[] prometheusBound;
  private SdkMeterProvider otelProvider;
  private LongCounter otel;
  private Attributes[] otelBound;
  private MeterRegistry micrometerRegistry;
  private io.micrometer.core.instrument.Counter[] micrometerBound;
  private MetricRegistry dropwizardRegistry;
  private com.codahale.metrics.Counter[] dropwizardBound;

  @Setup
  public void setUp() {
    labelValues = new String[cardinality];
    dropwizardNames = new String[cardinality];
    striaBound = new dev.stria.Counter.Series[cardinality];
    prometheusBound = new CounterDataPoint[cardinality];
    otelBound = new Attributes[cardinality];
    micrometerBound = new io.micrometer.core.instrument.Counter[cardinality];
    dropwizardBound = new com.codahale.metrics.Counter[cardinality];

    stria = new StriaSetup().counter("requests");
    prometheus =
        Counter.builder()
            .name("requests")
            .help("benchmark counter")
            .labelNames(Peers.LABEL)
            .register(new PrometheusRegistry());
    otelProvider = Peers.otelProvider(false);
    otel = otelProvider.get("bench").counterBuilder("requests").build();
    micrometerRegistry = new SimpleMeterRegistry();
    dropwizardRegistry = new MetricRegistry();
    for (int i = 0; i < cardinality; i++) {
      labelValues[i] = "/route/" + i;
      dropwizardNames[i] = MetricRegistry.name("requests", labelValues[i]);
      striaBound[i] = stria.labels(labelValues[i]);
      prometheusBound[i] = prometheus.labelValues(labelValues[i]);
      otelBound[i] = Peers.otelAttributes(labelValues[i]);
      micrometerBound[i] = micrometerRegistry.counter("requests", Peers.LABEL, labelValues[i]);
      dropwizardBound[i] = dropwizardRegistry.counter(dropwizardNames[i]);
    }
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void striaBound(Cursor cursor) {
    striaBound[cursor.nextIndex(cardinality)].inc();
  }

  @Benchmark
  public void striaLookup(Cursor cursor) {
    stria.labels(labelValues[cursor.nextIndex(cardinality)]).inc();
  }

  @Benchmark
  public void prometheusBound(Cursor cursor) {
    prometheusBound[cursor.nextIndex(cardinality)].inc();
  }

  @Benchmark
  public void prometheusLookup(Cursor cursor) {
    prometheus.labelValues(labelValues[cursor.nextIndex(cardinality)]).inc();
  }

  @Benchmark
  public void otelBound(Cursor cursor) {
    otel.add(1L, otelBound[cursor.nextIndex(cardinality)]);
  }

  @Benchmark
  public void otelLookup(Cursor cursor) {
    otel.add(1L, Attributes.of(Peers.OTEL_LABEL, labelValues[cursor.nextIndex(cardinality)]));
  }

  @Benchmark
  public void micrometerBound(Cursor cursor) {
    micrometerBound[cursor.nextIndex(cardinality)].increment();
  }

  @Benchmark
  public void micrometerLookup(Cursor cursor) {
    micrometerRegistry
        .counter("requests", Peers.LABEL, labelValues[cursor.nextIndex(cardinality)])
        .increment();
  }

  @Benchmark
  public void dropwizardBound(Cursor cursor) {
    dropwizardBound[cursor.nextIndex(cardinality)].inc();
  }

  @Benchmark
  public void dropwizardLookup(Cursor cursor) {
    dropwizardRegistry.counter(dropwizardNames[cursor.nextIndex(cardinality)]).inc();
  }
}
