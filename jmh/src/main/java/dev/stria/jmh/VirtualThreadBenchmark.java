package dev.stria.jmh;

import com.codahale.metrics.MetricRegistry;
import dev.stria.jmh.virtual.PeriodicCollector;
import dev.stria.jmh.virtual.VirtualThreads;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
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
 * One batch of {@value #TASKS} short tasks, each on its own new virtual thread, each recording one
 * explicit histogram observation and one counter increment on one shared series, while a platform
 * thread runs the library's own collection every {@value #COLLECT_EVERY_MILLIS} ms (Stria's
 * cumulative reader, client_java's registry scrape, the SDK's metric reader, Micrometer's meter
 * measurements and summary snapshot, Dropwizard's snapshot, HdrHistogram's interval histogram).
 * The score is the time per batch: lower means more tasks per second. Thread creation and
 * scheduling are the same for every library ({@code floorNoRecording} measures them alone), so
 * differences come from recording under many short-lived threads and from the collections
 * running beside them. Single batches vary widely (each allocates ~39 MB of threads and triggers
 * collections): on Java 25 on a 2-core machine (2026-11-30) single batches of one library ranged
 * from 19 to over 60 ms (standard deviation 11 ms), while the recording costs tens of nanoseconds
 * per task, 1-3 ms per batch. Hence 5 forks of 60 measured batches: in that run (300 batches per
 * line) Stria took 33.4 +- 2.9 ms, HdrHistogram 34.2 +- 2.9, client_java 34.9 +- 3.5, and the
 * floor 35.1 +- 2.7, while the OpenTelemetry SDK was set apart at 52.0 +- 3.9. So the benchmark
 * separates a slow recording path from a fast one, but not the fast ones from each other: the
 * report judges the throughput target on {@link VirtualThreadPairs}, which runs every library's
 * batches in the same JVMs, and on these lines only when that did not run (then only when their
 * error bars do not overlap). (Tried and left: other
 * collectors made the floor slower and noisier, ParallelGC 40 +- 17 ms standard deviation and
 * SerialGC with a 2 GB young generation 54 +- 65, against G1's 31 +- 11; and JMH's virtual-thread
 * executor, {@code -Djmh.executor=VIRTUAL}, which would measure recording alone, starves all but
 * two of four busy worker threads on 2 carriers: +-600 ns/op within one iteration.)
 *
 * <p>Needs Java 21 or later (the module is compiled for 17, so virtual threads are reached through
 * {@link VirtualThreads}); on an older JDK the setup fails with a message saying so, and {@code
 * run-benchmarks.sh} leaves this class out. Exact totals and the memory stripes hold afterwards
 * are checked by {@link dev.stria.jmh.virtual.VirtualThreadCheck}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 60)
@Fork(5)
public class VirtualThreadBenchmark {
  /** Tasks per measured batch. */
  public static final int TASKS = 100_000;
  /** How often the reader collects. */
  public static final long COLLECT_EVERY_MILLIS = 100;

  /** The value task {@code i} observes: multiples of 1/1024 s from ~1 ms to 10 s, exact sums. */
  public static double seconds(int task) {
    return ((task % 10_240) + 1) / 1024.0;
  }

  /** {@link #seconds(int)} in nanoseconds, for libraries that record {@code long}s. */
  public static long nanos(int task) {
    return Math.round(seconds(task) * 1e9);
  }

  /** One library's series and its collector, built per trial. */
  public abstract static class Side {
    private PeriodicCollector collector;

    abstract void build();

    abstract void record(int task);

    abstract void collect();

    void start(String name) {
      if (!VirtualThreads.available()) {
        throw new IllegalStateException(
            "VirtualThreadBenchmark skipped: " + VirtualThreads.unavailableReason());
      }
      build();
      collector = new PeriodicCollector(name, COLLECT_EVERY_MILLIS, this::collect);
    }

    void stop() {
      collector.close();
    }
  }

  /** Stria: a counter and an explicit histogram, bound series, its cumulative reader. */
  @State(Scope.Benchmark)
  public static class StriaSide extends Side {
    private StriaSetup stria;
    private dev.stria.Counter.Series counter;
    private dev.stria.Histogram.Series histogram;

    @Setup(Level.Trial)
    public void setUp() {
      start("stria");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
      stria.reader().close();
    }

    @Override
    void build() {
      stria = new StriaSetup();
      counter = stria.counter("requests").labels("/orders");
      histogram = stria.explicitHistogram("duration").labels("/orders");
    }

    @Override
    void record(int task) {
      histogram.observe(seconds(task));
      counter.inc();
    }

    @Override
    void collect() {
      stria.reader().collect();
    }
  }

  /** client_java: a counter and a classic-only histogram (its fastest), registry scrape. */
  @State(Scope.Benchmark)
  public static class PrometheusSide extends Side {
    private PrometheusRegistry registry;
    private CounterDataPoint counter;
    private DistributionDataPoint histogram;

    @Setup(Level.Trial)
    public void setUp() {
      start("prometheus");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
    }

    @Override
    void build() {
      registry = new PrometheusRegistry();
      counter = Counter.builder().name("requests").help("benchmark counter")
          .labelNames(Peers.LABEL).register(registry).labelValues("/orders");
      histogram = Peers.prometheusHistogram(registry, "duration", Peers.PrometheusMode.CLASSIC_ONLY)
          .labelValues("/orders");
    }

    @Override
    void record(int task) {
      histogram.observe(seconds(task));
      counter.inc();
    }

    @Override
    void collect() {
      registry.scrape();
    }
  }

  /** The OpenTelemetry SDK: counter and explicit histogram, prebuilt attributes, its reader. */
  @State(Scope.Benchmark)
  public static class OtelSide extends Side {
    private InMemoryMetricReader reader;
    private SdkMeterProvider provider;
    private LongCounter counter;
    private DoubleHistogram histogram;
    private Attributes attributes;

    @Setup(Level.Trial)
    public void setUp() {
      start("otel");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
      provider.close();
    }

    @Override
    void build() {
      reader = InMemoryMetricReader.create();
      provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
      counter = provider.get("bench").counterBuilder("requests").build();
      histogram = Peers.otelHistogram(provider.get("bench"), "duration");
      attributes = Peers.otelAttributes("/orders");
    }

    @Override
    void record(int task) {
      histogram.record(seconds(task), attributes);
      counter.add(1L, attributes);
    }

    @Override
    void collect() {
      reader.collectAllMetrics();
    }
  }

  /** Micrometer: a counter and a summary with the default buckets as objectives. */
  @State(Scope.Benchmark)
  public static class MicrometerSide extends Side {
    private SimpleMeterRegistry registry;
    private io.micrometer.core.instrument.Counter counter;
    private DistributionSummary summary;

    @Setup(Level.Trial)
    public void setUp() {
      start("micrometer");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
    }

    @Override
    void build() {
      registry = new SimpleMeterRegistry();
      counter = registry.counter("requests", Peers.LABEL, "/orders");
      summary = Peers.micrometerSummary(registry, "duration", "/orders");
    }

    @Override
    void record(int task) {
      summary.record(seconds(task));
      counter.increment();
    }

    @Override
    void collect() {
      for (Meter meter : registry.getMeters()) {
        if (meter instanceof DistributionSummary) {
          ((DistributionSummary) meter).takeSnapshot();
        } else {
          meter.measure().forEach(measurement -> measurement.getValue());
        }
      }
    }
  }

  /** Dropwizard: a counter and a histogram (its default reservoir), snapshot as a reporter does. */
  @State(Scope.Benchmark)
  public static class DropwizardSide extends Side {
    private MetricRegistry registry;
    private com.codahale.metrics.Counter counter;
    private com.codahale.metrics.Histogram histogram;

    @Setup(Level.Trial)
    public void setUp() {
      start("dropwizard");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
    }

    @Override
    void build() {
      registry = new MetricRegistry();
      counter = registry.counter("requests./orders");
      histogram = registry.histogram("duration./orders");
    }

    @Override
    void record(int task) {
      histogram.update(nanos(task));
      counter.inc();
    }

    @Override
    void collect() {
      registry.getCounters().values().forEach(com.codahale.metrics.Counter::getCount);
      registry.getHistograms().values().forEach(h -> h.getSnapshot().getMean());
    }
  }

  /**
   * HdrHistogram: a {@code Recorder} beside a {@code LongAdder} (it has no counter); the reader
   * swaps the interval histogram and adds it to a running total, as its documentation shows.
   */
  @State(Scope.Benchmark)
  public static class HdrSide extends Side {
    private Recorder recorder;
    private LongAdder counter;
    private Histogram total;
    private Histogram interval;

    @Setup(Level.Trial)
    public void setUp() {
      start("hdr");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
    }

    @Override
    void build() {
      recorder = Peers.hdrRecorder();
      counter = new LongAdder();
      total = new Histogram(3_600_000_000_000L, 3);
      interval = recorder.getIntervalHistogram();
    }

    @Override
    void record(int task) {
      recorder.recordValue(nanos(task));
      counter.increment();
    }

    @Override
    void collect() {
      interval = recorder.getIntervalHistogram(interval);
      total.add(interval);
      counter.sum();
    }
  }

  /**
   * No library: the tasks record nothing and the collector collects nothing. What is left is the
   * creation and scheduling of the virtual threads, most of every batch; a library's recording
   * cost per task is its batch minus this one, over {@value #TASKS}.
   */
  @State(Scope.Benchmark)
  public static class NoRecordingSide extends Side {
    @Setup(Level.Trial)
    public void setUp() {
      start("no recording");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      stop();
    }

    @Override
    void build() {}

    @Override
    void record(int task) {}

    @Override
    void collect() {}
  }

  @Benchmark
  public void floorNoRecording(NoRecordingSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void stria(StriaSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void prometheusClassicOnly(PrometheusSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void otelExplicit(OtelSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void micrometer(MicrometerSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void dropwizard(DropwizardSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }

  @Benchmark
  public void hdrRecorder(HdrSide side) {
    VirtualThreads.runEach(TASKS, side::record);
  }
}
