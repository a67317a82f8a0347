package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A histogram with explicit and exponential buckets, recorded by two threads while a cumulative
 * and a delta reader collect in tight loops: every collection presents the explicit view (it was
 * dropped from most of them when the two views came from two cells), and the delta reader's
 * explicit buckets add up exactly to what was recorded.
 */
class CombinedHistogramStressTest {
  private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};
  private static final double[] VALUES = {0.003, 0.005, 0.007, 0.01, 0.02, 0.05, 0.3, 0.75, 2};

  @Test
  void everyCollectionPresentsBothViewsAndDeltasAddUpExactly() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Histogram.Series series = registry.histogram("latency").unit("s").buckets(BOUNDS)
        .exponential().labelNames("route").register().labels("/orders");
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    MetricReader delta = registry.newReader(Temporality.DELTA);
    int writers = 2;
    int perWriter = 500_000;

    AtomicInteger writing = new AtomicInteger(writers);
    AtomicInteger collections = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    long[] deltaBuckets = new long[BOUNDS.length + 1];
    long[] deltaCount = new long[1];
    int[] collectionsWithoutExplicitView = new int[1];
    int[] overlapping = new int[1];
    long[] lastCumulativeCount = new long[1];
    boolean[] cumulativeNeverShrank = {true};

    Thread[] threads = new Thread[writers];
    for (int t = 0; t < writers; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < perWriter; i++) {
          if (i == perWriter / 2) {
            awaitCollections(collections, collections.get() + 2); // some surely overlap
          }
          series.observe(VALUES[i % VALUES.length]);
        }
        writing.decrementAndGet();
      });
    }
    Thread collector = new Thread(() -> {
      try {
        while (writing.get() > 0) {
          boolean before = writing.get() == writers;
          for (ExponentialHistogramPoint p : points(cumulative.collect())) {
            collectionsWithoutExplicitView[0] += p.classic() == null ? 1 : 0;
            cumulativeNeverShrank[0] &= p.count() >= lastCumulativeCount[0];
            lastCumulativeCount[0] = p.count();
          }
          for (ExponentialHistogramPoint p : points(delta.collect())) {
            addDelta(p, deltaBuckets, deltaCount, collectionsWithoutExplicitView);
          }
          overlapping[0] += before && writing.get() > 0 ? 1 : 0;
          collections.incrementAndGet();
        }
      } catch (Throwable e) {
        failed.set(true);
        throw e;
      }
    });
    collector.start();
    for (Thread thread : threads) {
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    collector.join();
    for (ExponentialHistogramPoint p : points(delta.collect())) {
      addDelta(p, deltaBuckets, deltaCount, collectionsWithoutExplicitView);
    }

    long[] expected = new long[BOUNDS.length + 1];
    for (int i = 0; i < perWriter; i++) {
      expected[bucketOf(VALUES[i % VALUES.length])] += writers;
    }
    assertThat(failed).isFalse();
    assertThat(overlapping[0]).as("collections that overlapped the writes").isPositive();
    assertThat(collectionsWithoutExplicitView[0]).isZero();
    assertThat(cumulativeNeverShrank[0]).isTrue();
    assertThat(deltaCount[0]).isEqualTo((long) writers * perWriter);
    assertThat(deltaBuckets).containsExactly(expected);
  }

  private static void addDelta(ExponentialHistogramPoint p, long[] buckets, long[] count,
      int[] withoutView) {
    HistogramPoint explicit = p.classic();
    if (explicit == null) {
      withoutView[0]++;
      return;
    }
    count[0] += p.count();
    for (int b = 0; b < buckets.length; b++) {
      buckets[b] += explicit.bucketCounts()[b];
    }
  }

  private static void awaitCollections(AtomicInteger collections, int target) {
    while (collections.get() < target) {
      Thread.yield();
    }
  }

  private static int bucketOf(double value) {
    int b = 0;
    while (b < BOUNDS.length && value > BOUNDS[b]) {
      b++;
    }
    return b;
  }

  private static List<ExponentialHistogramPoint> points(List<MetricSnapshot> batch) {
    return batch.stream().flatMap(m -> m.points().stream())
        .map(ExponentialHistogramPoint.class::cast).toList();
  }
}
