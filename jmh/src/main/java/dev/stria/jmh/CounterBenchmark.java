package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Counter increment on one labelled series held by the caller (the bound series, cached child or
 * prebuilt attributes of each library), beside the two floors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CounterBenchmark {
  private final LongAdder longAdder = new LongAdder();
  private final PerThreadAtomicFloor perThreadAtomic = new PerThreadAtomicFloor();

  private dev.stria.Counter.Series stria;
  private CounterDataPoint prometheus;
  private SdkMeterProvider otelProvider;
  private LongCounter otel;
  private Attributes otelAttributes;
  private io.micrometer.core.instrument.Counter micrometer;
  private com.codahale.metrics.Counter dropwizard;

  @Setup
  public void setUp() {
    stria = new StriaSetup().counter("requests").labels("/orders");
    prometheus =
        Counter.builder()
            .name("requests")
            .help("benchmark counter")
            .labelNames(Peers.LABEL)
            .register(new PrometheusRegistry())
            .labelValues("/orders");
    otelProvider = Peers.otelProvider(false);
    otel = otelProvider.get("bench").counterBuilder("requests").build();
    otelAttributes = Peers.otelAttributes("/orders");
    micrometer =
        io.micrometer.core.instrument.Counter.builder("requests")
            .tag(Peers.LABEL, "/orders")
            .register(new SimpleMeterRegistry());
    dropwizard = new MetricRegistry().counter("requests./orders");
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void floorLongAdder() {
    longAdder.increment();
  }

  @Benchmark
  public long floorGetAndAddPerThread(PerThreadAtomicFloor.Slot slot) {
    return perThreadAtomic.add(slot);
  }

  @Benchmark
  public void stria() {
    stria.inc();
  }

  @Benchmark
  public void prometheus() {
    prometheus.inc();
  }

  @Benchmark
  public void otel() {
    otel.add(1L, otelAttributes);
  }

  @Benchmark
  public void micrometer() {
    micrometer.increment();
  }

  @Benchmark
  public void dropwizard() {
    dropwizard.inc();
  }
}
