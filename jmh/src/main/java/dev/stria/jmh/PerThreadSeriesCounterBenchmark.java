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
import java.util.concurrent.atomic.AtomicInteger;
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
 * Counter increment where every thread has a series of its own on one shared instrument (run with
 * {@code -t 1}, {@code -t 2}, {@code -t 4}); {@link CounterBenchmark} is the same with all threads
 * on one series. The floors here are a {@link LongAdder} per thread and one {@code getAndAdd} per
 * thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerThreadSeriesCounterBenchmark {
  private final AtomicInteger threads = new AtomicInteger();
  private final PerThreadAtomicFloor perThreadAtomic = new PerThreadAtomicFloor();

  private dev.stria.Counter stria;
  private Counter prometheus;
  private SdkMeterProvider otelProvider;
  private LongCounter otel;
  private MeterRegistry micrometerRegistry;
  private MetricRegistry dropwizardRegistry;

  /** One thread's own series on each library's shared instrument. */
  @State(Scope.Thread)
  public static class Series {
    private final LongAdder longAdder = new LongAdder();
    private dev.stria.Counter.Series stria;
    private CounterDataPoint prometheus;
    private Attributes otel;
    private io.micrometer.core.instrument.Counter micrometer;
    private com.codahale.metrics.Counter dropwizard;

    @Setup
    public void setUp(PerThreadSeriesCounterBenchmark shared) {
      String labelValue = "/thread/" + shared.threads.getAndIncrement();
      stria = shared.stria.labels(labelValue);
      prometheus = shared.prometheus.labelValues(labelValue);
      otel = Peers.otelAttributes(labelValue);
      micrometer = shared.micrometerRegistry.counter("requests", Peers.LABEL, labelValue);
      dropwizard = shared.dropwizardRegistry.counter(MetricRegistry.name("requests", labelValue));
    }
  }

  @Setup
  public void setUp() {
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
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  @Benchmark
  public void floorLongAdder(Series series) {
    series.longAdder.increment();
  }

  @Benchmark
  public long floorGetAndAddPerThread(PerThreadAtomicFloor.Slot slot) {
    return perThreadAtomic.add(slot);
  }

  @Benchmark
  public void stria(Series series) {
    series.stria.inc();
  }

  @Benchmark
  public void prometheus(Series series) {
    series.prometheus.inc();
  }

  @Benchmark
  public void otel(Series series) {
    otel.add(1L, series.otel);
  }

  @Benchmark
  public void micrometer(Series series) {
    series.micrometer.increment();
  }

  @Benchmark
  public void dropwizard(Series series) {
    series.dropwizard.inc();
  }
}
