package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Writers record known totals through cached series while a delta reader and a cumulative reader
 * collect in tight loops: the deltas must add up exactly to what was recorded, cumulative values
 * must never go down, min never exceed max, and some collections must have caught the writers
 * half way (or the test proved nothing). Runs about a second; {@code -Dstria.stress.seconds=60}
 * runs longer.
 */
class ConcurrentCollectionStressTest {
  private static final int WRITERS = 4;
  private static final int MIN_RECORDS_PER_WRITER = 200_000;
  private static final double[] BOUNDS = {1, 2, 4, 8, 16};

  private final MeterRegistry registry = new MeterRegistry();
  private final Counter.Series counter =
      registry.counter("ops").labelNames("k").register().labels("x");
  private final Histogram.Series explicit =
      registry.histogram("explicit").buckets(BOUNDS).labelNames("k").register().labels("x");
  private final Histogram.Series exponential =
      registry.histogram("exponential").exponential().labelNames("k").register().labels("x");
  private final Histogram.Series timed =
      registry.histogram("timed").unit("s").labelNames("k").register().labels("x");

  /** Everything one reader saw, merged. */
  private static final class Totals {
    double counter;
    long[] explicitBuckets = new long[BOUNDS.length + 1];
    double explicitSum;
    /** Cumulative collections that saw some but not all of the recordings. */
    long partial;
    long exponentialCount;
    double exponentialSum;
    long timedCount;
    final Map<String, Double> lastCumulative = new HashMap<>();
  }

  @Test
  void deltaAndCumulativeReadersSeeEveryRecordingExactly() throws Exception {
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    Totals deltaTotals = new Totals();
    Totals lastCumulative = new Totals();

    AtomicBoolean writing = new AtomicBoolean(true);
    long deadline = System.nanoTime() + StressSettings.nanos(1);
    long[] recordsByWriter = new long[WRITERS];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < WRITERS; t++) {
      int writer = t;
      threads.add(new Thread(() -> {
        await(start);
        int i = 0;
        for (; i < MIN_RECORDS_PER_WRITER
            || ((i & 1023) != 0 || System.nanoTime() < deadline); i++) {
          int v = i % 20; // integer values: sums compare exactly
          counter.inc();
          explicit.observe(v);
          exponential.observe(v);
          try (Timer timer = timed.startTimer()) {
            // an empty body is still a recording
          }
        }
        recordsByWriter[writer] = i;
      }));
    }
    Thread deltaCollector = collector(start, writing, failure, () -> merge(delta.collect(),
        deltaTotals, false));
    Thread cumulativeCollector = collector(start, writing, failure,
        () -> merge(cumulative.collect(), lastCumulative, true));
    threads.forEach(Thread::start);
    deltaCollector.start();
    cumulativeCollector.start();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    writing.set(false);
    deltaCollector.join();
    cumulativeCollector.join();
    if (failure.get() != null) {
      throw new AssertionError("a collector failed", failure.get());
    }
    merge(delta.collect(), deltaTotals, false);
    Totals finalCumulative = new Totals();
    merge(cumulative.collect(), finalCumulative, true);

    long records = 0;
    long[] expectedBuckets = new long[BOUNDS.length + 1];
    double expectedSum = 0;
    for (long n : recordsByWriter) {
      records += n;
      for (int i = 0; i < n; i++) {
        int v = i % 20;
        expectedBuckets[bucketOf(v)]++;
        expectedSum += v;
      }
    }
    assertThat(lastCumulative.partial).as("cumulative collections during the writes")
        .isPositive();
    for (Totals totals : List.of(deltaTotals, finalCumulative)) {
      assertThat(totals.counter).isEqualTo((double) records);
      assertThat(totals.explicitBuckets).containsExactly(expectedBuckets);
      assertThat(totals.explicitSum).isEqualTo(expectedSum);
      assertThat(totals.exponentialCount).isEqualTo(records);
      assertThat(totals.exponentialSum).isEqualTo(expectedSum);
      assertThat(totals.timedCount).isEqualTo(records);
    }
  }

  private static void merge(List<MetricSnapshot> batch, Totals totals, boolean cumulative) {
    for (MetricSnapshot metric : batch) {
      for (PointSnapshot point : metric.points()) {
        assertThat(point.labels()).isEqualTo(Labels.of("k", "x"));
        switch (metric.name()) {
          case "ops" -> {
            double v = ((CounterPoint) point).value();
            if (cumulative) {
              neverDown(totals, "ops", v);
              if (v > 0 && v < MIN_RECORDS_PER_WRITER * WRITERS) {
                totals.partial++;
              }
              totals.counter = v;
            } else {
              totals.counter += v;
            }
          }
          case "explicit" -> {
            HistogramPoint h = (HistogramPoint) point;
            minAtMostMax(cumulative, h.count(), h.min(), h.max());
            if (cumulative) {
              neverDown(totals, "explicit", h.count());
              totals.explicitBuckets = h.bucketCounts().clone();
              totals.explicitSum = h.sum();
            } else {
              for (int b = 0; b < h.bucketCounts().length; b++) {
                totals.explicitBuckets[b] += h.bucketCounts()[b];
              }
              totals.explicitSum += h.sum();
            }
          }
          case "exponential" -> {
            ExponentialHistogramPoint e = (ExponentialHistogramPoint) point;
            minAtMostMax(cumulative, e.count(), e.min(), e.max());
            if (cumulative) {
              neverDown(totals, "exponential", e.count());
              totals.exponentialCount = e.count();
              totals.exponentialSum = e.sum();
            } else {
              totals.exponentialCount += e.count();
              totals.exponentialSum += e.sum();
            }
          }
          case "timed" -> {
            HistogramPoint h = (HistogramPoint) point;
            minAtMostMax(cumulative, h.count(), h.min(), h.max());
            if (cumulative) {
              neverDown(totals, "timed", h.count());
              totals.timedCount = h.count();
            } else {
              totals.timedCount += h.count();
            }
          }
          default -> throw new AssertionError("unexpected metric " + metric.name());
        }
      }
    }
  }

  /** The reference bucket: the first inclusive upper bound at or above the value. */
  private static int bucketOf(double value) {
    int i = 0;
    while (i < BOUNDS.length && value > BOUNDS[i]) {
      i++;
    }
    return i;
  }

  /**
   * Values recorded are 0..19: a point's min and max lie there, min first. The cells may drain a
   * recording's min and max one delta before its count (their javadoc says so), so a delta point
   * may have a count and no min or max yet; a cumulative one may not.
   */
  private static void minAtMostMax(boolean cumulative, long count, double min, double max) {
    if (count > 0 && (cumulative || !(Double.isNaN(min) || Double.isNaN(max)))) {
      assertThat(min).as("min").isLessThanOrEqualTo(max).isGreaterThanOrEqualTo(0);
      assertThat(max).as("max").isLessThan(20);
    }
  }

  private static void neverDown(Totals totals, String name, double value) {
    Double previous = totals.lastCumulative.put(name, value);
    if (previous != null) {
      assertThat(value).as("cumulative %s went down", name).isGreaterThanOrEqualTo(previous);
    }
  }

  private static Thread collector(CountDownLatch start, AtomicBoolean writing,
      AtomicReference<Throwable> failure, Runnable collect) {
    return new Thread(() -> {
      await(start);
      try {
        while (writing.get()) {
          collect.run();
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
