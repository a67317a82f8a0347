package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class ExplicitBucketHistogramTest {

  private static ExplicitBucketHistogram histogram(double... bounds) {
    return new ExplicitBucketHistogram(new BucketBounds(bounds));
  }

  @Test
  void countsSumMinAndMax() {
    ExplicitBucketHistogram h = histogram(1, 2, 5);
    h.record(0.5);
    h.record(1);
    h.record(1.5);
    h.record(7);
    h.record(-3);

    HistogramData data = h.drain();

    assertThat(data.bucketCounts()).containsExactly(3, 1, 0, 1);
    assertThat(data.count()).isEqualTo(5);
    assertThat(data.sum()).isEqualTo(7.0);
    assertThat(data.min()).isEqualTo(-3.0);
    assertThat(data.max()).isEqualTo(7.0);
  }

  @Test
  void drainResetsEverything() {
    ExplicitBucketHistogram h = histogram(1);
    h.record(3);
    h.drain();
    HistogramData second = h.drain();
    assertThat(second.count()).isZero();
    assertThat(second.sum()).isZero();
    assertThat(second.min()).isNaN();
    assertThat(second.max()).isNaN();
  }

  @Test
  void minAndMaxAreUnknownWhenACountArrivesWithoutThem() {
    // A recording that raced a drain: its min went to the previous drain, its count to this one.
    HistogramData data = new HistogramData(2);
    data.add(0, 1);
    assertThat(data.count()).isEqualTo(1);
    assertThat(data.min()).isNaN();
    assertThat(data.max()).isNaN();
  }

  @Test
  void nanAndInfinitiesAreDroppedAndCounted() {
    ExplicitBucketHistogram h = histogram(1);
    h.record(Double.NaN);
    h.record(Double.POSITIVE_INFINITY);
    h.record(Double.NEGATIVE_INFINITY);
    h.record(0.5);
    HistogramData data = h.drain();
    assertThat(data.count()).isEqualTo(1);
    assertThat(data.dropped()).isEqualTo(3);
    assertThat(data.sum()).isEqualTo(0.5);
  }

  @Test
  void longRecordingsUseTheUnitForBucketsSumMinAndMax() {
    ExplicitBucketHistogram h =
        new ExplicitBucketHistogram(new BucketBounds(new double[] {0.001, 0.01}, 1e-9));
    h.recordLong(1_000_000); // exactly 1 ms: inclusive bound
    h.recordLong(1_000_001);
    h.recordLong(20_000_000);
    h.record(0.0005);
    HistogramData data = h.drain();
    assertThat(data.bucketCounts()).containsExactly(2, 1, 1);
    assertThat(data.sum()).isCloseTo(0.0005 + 0.001 + 0.001000001 + 0.02, within());
    assertThat(data.min()).isEqualTo(0.0005);
    assertThat(data.max()).isCloseTo(0.02, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-15);
  }

  @Test
  void mergeAddsBucketsAndWidensMinMax() {
    ExplicitBucketHistogram h = histogram(1, 2);
    h.record(0.5);
    HistogramData total = h.drain();
    h.record(3);
    total.merge(h.drain());
    assertThat(total.bucketCounts()).containsExactly(1, 0, 1);
    assertThat(total.min()).isEqualTo(0.5);
    assertThat(total.max()).isEqualTo(3.0);
    assertThat(total.sum()).isEqualTo(3.5);
  }

  @Test
  void concurrentDrainsLoseAndDuplicateNothing() throws Exception {
    double[] bounds = BucketBounds.prometheusDefault();
    ExplicitBucketHistogram h = histogram(bounds);
    int threads = 4;
    int perThread = 300_000;
    // Integer values so that sums compare exactly: 0..14 spread over the buckets and +Inf.
    long[][] expectedPerThread = new long[threads][bounds.length + 1];
    long[] expectedSum = new long[threads];
    HistogramData total = new HistogramData(bounds.length + 1);
    int overlapping = StressRun.run(
        threads,
        t -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < perThread; i++) {
            if (i == perThread / 2) {
              StressRun.midpoint();
            }
            int v = random.nextInt(15);
            h.record(v);
            expectedPerThread[t][BucketBounds.linearIndex(bounds, v)]++;
            expectedSum[t] += v;
          }
        },
        () -> total.merge(h.drain()));
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    total.merge(h.drain());

    long[] expected = new long[bounds.length + 1];
    long sum = 0;
    for (int t = 0; t < threads; t++) {
      for (int b = 0; b < expected.length; b++) {
        expected[b] += expectedPerThread[t][b];
      }
      sum += expectedSum[t];
    }
    assertThat(total.bucketCounts()).containsExactly(expected);
    assertThat(total.count()).isEqualTo((long) threads * perThread);
    assertThat(total.sum()).isEqualTo((double) sum);
    assertThat(total.min()).isEqualTo(0.0);
    assertThat(total.max()).isEqualTo(14.0);
  }

  @Test
  void moreThreadsThanStripesStillCountExactly() throws Exception {
    ExplicitBucketHistogram h = histogram(2, 5, 10);
    int threads = 3 * ThreadStripe.tableSlots();
    int perThread = 48_000; // a multiple of the 12 values
    HistogramData total = new HistogramData(4);
    int overlapping = StressRun.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            if (i == perThread / 2) {
              StressRun.midpoint();
            }
            h.record(i % 12);
          }
        },
        () -> total.merge(h.drain()));
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    total.merge(h.drain());
    long rounds = (long) threads * perThread / 12;
    assertThat(total.bucketCounts()).containsExactly(3 * rounds, 3 * rounds, 5 * rounds, rounds);
    assertThat(total.sum()).isEqualTo(66.0 * rounds);
    // Every writer has ended: their owned stripes are retired, only shared stripes are left
    // (the table's padded ones and the spill).
    assertThat(h.paddedStripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots());
    assertThat(h.stripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots() + 1);
  }

  @Test
  void concurrentLongRecordingsKeepExactSums() throws Exception {
    ExplicitBucketHistogram h =
        new ExplicitBucketHistogram(new BucketBounds(new double[] {100, 1000}, 1.0));
    HistogramData total = new HistogramData(3);
    int overlapping = StressRun.run(
        4,
        t -> {
          for (int i = 0; i < 250_000; i++) {
            if (i == 250_000 / 2) {
              StressRun.midpoint();
            }
            h.recordLong(i % 2000);
          }
        },
        () -> total.merge(h.drain()));
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    total.merge(h.drain());
    assertThat(total.count()).isEqualTo(1_000_000);
    assertThat(total.bucketCounts()).containsExactly(4 * 125 * 101L, 4 * 125 * 900L, 4 * 125 * 999L);
    assertThat(total.sum()).isEqualTo(4.0 * 125 * (1999.0 * 2000 / 2));
  }

  @Test
  void stripesOfEndedThreadsAreRetiredAndTheirRecordingsKept() throws Exception {
    ExplicitBucketHistogram h = histogram(1, 2);
    HistogramData total = new HistogramData(3);
    for (int round = 0; round < 20; round++) {
      Thread worker = new Thread(() -> {
        for (int i = 0; i < 300; i++) {
          h.record(i % 3 + 0.5);
        }
      });
      worker.start();
      worker.join();
      h.drainInto(total);
      assertThat(h.stripesInUse()).isZero();
    }
    assertThat(total.bucketCounts()).containsExactly(2000, 2000, 2000);
    assertThat(total.sum()).isEqualTo(20 * 100 * (0.5 + 1.5 + 2.5));
  }
}
