package dev.stria.jmh;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.Timer;
import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExplicitBucketHistogram;
import dev.stria.core.internal.StripedCounter;
import dev.stria.snapshot.Temporality;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The API's cost over the bare cells: recording through a cached series, through a {@code
 * labels(...)} lookup among {@code cardinality} series, and a try-with-resources timer. Run with
 * {@code -t 1} and {@code -t 2} and {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApiRecordingBenchmark {
  @Param({"1", "128"})
  int cardinality;

  private final StripedCounter bareCounter = new StripedCounter();
  private final ExplicitBucketHistogram bareHistogram =
      new ExplicitBucketHistogram(new BucketBounds(BucketBounds.prometheusDefault(), 1e-9));

  private MeterRegistry registry;
  private MetricReader reader;
  private Counter counter;
  private Histogram histogram;
  private Counter.Series cachedCounter;
  private Histogram.Series cachedHistogram;
  private String[] routes;

  @Setup
  public void setUp() {
    registry = new MeterRegistry();
    reader = registry.newReader(Temporality.CUMULATIVE);
    counter = registry.counter("requests").labelNames("route").register();
    histogram = registry.histogram("latency").unit("s").labelNames("route").register();
    routes = new String[cardinality];
    for (int i = 0; i < cardinality; i++) {
      routes[i] = "/route/" + i;
      counter.labels(routes[i]).inc();
      histogram.labels(routes[i]).observe(0.1);
    }
    cachedCounter = counter.labels(routes[0]);
    cachedHistogram = histogram.labels(routes[0]);
  }

  /** Which series a thread looks up next. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    String route(String[] routes) {
      return routes[(next++ & Integer.MAX_VALUE) % routes.length];
    }
  }

  @Benchmark
  public void bareCounterAdd() {
    bareCounter.add(1L);
  }

  @Benchmark
  public void cachedSeriesCounterInc() {
    cachedCounter.inc();
  }

  @Benchmark
  public void lookupCounterInc(Cursor cursor) {
    counter.labels(cursor.route(routes)).inc();
  }

  @Benchmark
  public void bareHistogramRecord(Values values) {
    bareHistogram.record(values.next());
  }

  @Benchmark
  public void cachedSeriesObserve(Values values) {
    cachedHistogram.observe(values.next());
  }

  @Benchmark
  public void lookupObserve(Cursor cursor, Values values) {
    histogram.labels(cursor.route(routes)).observe(values.next());
  }

  /** The floor of any timer: the two clock reads it needs. */
  @Benchmark
  public long nanoTimeTwice() {
    return System.nanoTime() - System.nanoTime();
  }

  @Benchmark
  public void timerTryWithResources() {
    try (Timer timer = cachedHistogram.startTimer()) {
      // the body under measurement is empty: this is the timer's own cost
    }
  }
}
