package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ExponentialHistogramTest {

  @Test
  void recordsAtScaleFiveByDefault() {
    assertThat(new ExponentialHistogram().recordingScale()).isEqualTo(5);
    assertThat(ExponentialHistogram.DEFAULT_RECORDING_SCALE).isEqualTo(5);
  }

  @Test
  void positiveValuesGoToTheirSpecifiedBucket() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(1.0); // (2^(-1/32), 1]: bucket -1
    cell.record(2.0); // bucket 31
    cell.record(3.0); // ceil(log2(3) * 32) - 1 = 50
    ExponentialHistogramData data = cell.drain();
    assertThat(data.positiveCount(-1)).isEqualTo(1);
    assertThat(data.positiveCount(31)).isEqualTo(1);
    assertThat(data.positiveCount(50)).isEqualTo(1);
    assertThat(data.count()).isEqualTo(3);
  }

  @Test
  void negativeValuesGoToNegativeBucketsByAbsoluteValue() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(-3.0);
    cell.record(-1.0);
    ExponentialHistogramData data = cell.drain();
    assertThat(data.negativeCount(50)).isEqualTo(1);
    assertThat(data.negativeCount(-1)).isEqualTo(1);
    assertThat(data.positiveCount(50)).isZero();
    assertThat(data.count()).isEqualTo(2);
    assertThat(data.min()).isEqualTo(-3.0);
    assertThat(data.max()).isEqualTo(-1.0);
  }

  @Test
  void zeroAndNegativeZeroGoToTheZeroCount() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(0.0);
    cell.record(-0.0);
    ExponentialHistogramData data = cell.drain();
    assertThat(data.zeroCount()).isEqualTo(2);
    assertThat(data.count()).isEqualTo(2);
    assertThat(data.min()).isZero();
    assertThat(data.max()).isZero();
  }

  @Test
  void subnormalsAreRecordedInTheirBucket() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(Double.MIN_VALUE); // 2^-1074 exactly: bucket -1074 * 32 - 1
    cell.record(-Double.MIN_VALUE);
    ExponentialHistogramData data = cell.drain();
    assertThat(data.positiveCount(-1074 * 32 - 1)).isEqualTo(1);
    assertThat(data.negativeCount(-1074 * 32 - 1)).isEqualTo(1);
    assertThat(data.zeroCount()).isZero();
  }

  @Test
  void nanAndInfinitiesAreCountedAsDroppedAndNotRecorded() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(Double.NaN);
    cell.record(Double.POSITIVE_INFINITY);
    cell.record(Double.NEGATIVE_INFINITY);
    ExponentialHistogramData data = cell.drain();
    assertThat(data.dropped()).isEqualTo(3);
    assertThat(data.count()).isZero();
    assertThat(data.sum()).isZero();
    assertThat(data.min()).isNaN();
    assertThat(data.max()).isNaN();
  }

  @Test
  void sumMinAndMaxCoverEveryRecordedValue() {
    ExponentialHistogram cell = new ExponentialHistogram();
    for (double v : new double[] {5, -7, 0, 1e-300, 123456}) {
      cell.record(v);
    }
    ExponentialHistogramData data = cell.drain();
    assertThat(data.sum()).isEqualTo(5 - 7 + 0 + 1e-300 + 123456);
    assertThat(data.min()).isEqualTo(-7);
    assertThat(data.max()).isEqualTo(123456);
  }

  @Test
  void emptyDataHasNaNMinAndMaxAndIsEmpty() {
    ExponentialHistogramData data = new ExponentialHistogram().drain();
    assertThat(data.isEmpty()).isTrue();
    assertThat(data.count()).isZero();
    assertThat(data.min()).isNaN();
    assertThat(data.max()).isNaN();
  }

  @Test
  void countEqualsZeroCountPlusEveryBucket() {
    ExponentialHistogram cell = new ExponentialHistogram();
    for (int v = -300; v <= 300; v++) {
      cell.record(v * 1.7);
    }
    ExponentialHistogramData data = cell.drain();
    ExponentialHistogramData.Downscaled buckets = data.downscale(Integer.MAX_VALUE);
    long total =
        buckets.zeroCount()
            + Arrays.stream(buckets.positiveCounts()).sum()
            + Arrays.stream(buckets.negativeCounts()).sum();
    assertThat(data.count()).isEqualTo(601).isEqualTo(total);
  }

  @Test
  void drainTakesEverythingOnceAndLeavesTheCellEmpty() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(4.0);
    cell.record(0.0);
    cell.record(Double.NaN);
    assertThat(cell.drain().count()).isEqualTo(2);
    ExponentialHistogramData second = cell.drain();
    assertThat(second.isEmpty()).isTrue();
    cell.record(4.0);
    assertThat(cell.drain().positiveCount(ExponentialIndexer.forScale(5).index(4.0))).isEqualTo(1);
  }

  @Test
  void drainIntoAddsToAnAccumulator() {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialHistogramData total = new ExponentialHistogramData(5);
    cell.record(10);
    cell.drainInto(total);
    cell.record(10);
    cell.record(-2);
    cell.drainInto(total);
    assertThat(total.count()).isEqualTo(3);
    assertThat(total.sum()).isEqualTo(18);
    assertThat(total.min()).isEqualTo(-2);
    assertThat(total.max()).isEqualTo(10);
  }

  @Test
  void drainIntoDataAtAnotherScaleIsRejected() {
    ExponentialHistogram cell = new ExponentialHistogram();
    assertThatThrownBy(() -> cell.drainInto(new ExponentialHistogramData(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale 5")
        .hasMessageContaining("scale 4");
  }

  @Test
  void recordingScalesOutsideMinusTenToEightAreRejected() {
    assertThatThrownBy(() -> new ExponentialHistogram(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9");
    assertThatThrownBy(() -> new ExponentialHistogram(-11))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRecordingScaleIndexesAsTheIndexerDoes() {
    for (int scale = -10; scale <= 8; scale++) {
      ExponentialHistogram cell = new ExponentialHistogram(scale);
      ExponentialIndexer indexer = ExponentialIndexer.forScale(scale);
      for (double v : new double[] {Double.MIN_VALUE, 1e-300, 0.1, 1, 1000, 1e300, Double.MAX_VALUE}) {
        cell.record(v);
        cell.record(-v);
        ExponentialHistogramData data = cell.drain();
        assertThat(data.positiveCount(indexer.index(v))).as("%s at scale %d", v, scale).isEqualTo(1);
        assertThat(data.negativeCount(indexer.index(v))).as("-%s at scale %d", v, scale).isEqualTo(1);
      }
    }
  }

  /**
   * Runs {@code body} on the calling thread while another thread (claiming the caller's id) owns
   * the caller's table slot, so that the body's records go to the slot's shared stripe. The
   * owner records one NaN (a dropped count) to claim the slot.
   */
  static void onSharedStripe(ExponentialHistogram cell, Runnable body) throws Exception {
    cell.inflateForTest(); // else the caller, not the first owner, would record in the spill
    long callerId = Thread.currentThread().getId();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread owner = new Thread(() -> {
      cell.record(Double.NaN);
      claimed.countDown();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }) {
      @Override
      @SuppressWarnings("deprecation") // the caller's id: its table slot
      public long getId() {
        return callerId;
      }
    };
    owner.start();
    claimed.await();
    try {
      body.run();
    } finally {
      done.countDown();
      owner.join();
    }
  }

  @Test
  void sharedStripesAllocateBucketsInChunksOnlyWhereValuesFall() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    onSharedStripe(cell, () -> {
      cell.record(1.0);
      cell.record(1.5);
      cell.record(1e300);
    });
    assertThat(cell.chunksInUse()).isEqualTo(2);
    assertThat(cell.chunkSize()).isEqualTo(128);
    assertThat(cell.windowBucketsInUse()).isZero();
    assertThat(cell.drain().count()).isEqualTo(3);
  }

  @Test
  void onlyMagnitudesBeyondTheNearRangeAllocateTheFullRangeTable() throws Exception {
    double nearLow = Math.scalb(1.0, -ExponentialHistogram.NEAR_OCTAVES);
    double nearHigh = Math.scalb(1.0, ExponentialHistogram.NEAR_OCTAVES);
    for (int scale : new int[] {0, 5, 8}) {
      ExponentialHistogram cell = new ExponentialHistogram(scale);
      ExponentialIndexer indexer = ExponentialIndexer.forScale(scale);
      onSharedStripe(cell, () -> {
        cell.record(nearLow);
        cell.record(-nearHigh);
        cell.record(1e-9);
        cell.record(3600.0);
        assertThat(cell.farTablesInUse()).as("scale %d", scale).isZero();

        cell.record(Math.scalb(nearHigh, 200));
        cell.record(-Double.MIN_VALUE);
        assertThat(cell.farTablesInUse()).as("scale %d", scale).isEqualTo(2);
      });

      ExponentialHistogramData data = cell.drain();
      assertThat(data.positiveCount(indexer.index(nearLow))).isEqualTo(1);
      assertThat(data.negativeCount(indexer.index(nearHigh))).isEqualTo(1);
      assertThat(data.positiveCount(indexer.index(1e-9))).isEqualTo(1);
      assertThat(data.positiveCount(indexer.index(3600.0))).isEqualTo(1);
      assertThat(data.positiveCount(indexer.index(Math.scalb(nearHigh, 200)))).isEqualTo(1);
      assertThat(data.negativeCount(indexer.index(Double.MIN_VALUE))).isEqualTo(1);
      assertThat(data.count()).isEqualTo(6);
    }
  }

  @Test
  void atScaleMinus10TheWholeRangeIsOneNearChunk() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram(-10);
    onSharedStripe(cell, () -> {
      cell.record(Double.MAX_VALUE);
      cell.record(Double.MIN_VALUE);
    });
    assertThat(cell.farTablesInUse()).isZero();
    assertThat(cell.chunksInUse()).isEqualTo(1);
    assertThat(cell.drain().count()).isEqualTo(2);
  }

  @Test
  void oneThreadUsesOneStripe() {
    ExponentialHistogram cell = new ExponentialHistogram();
    for (int i = 1; i < 1000; i++) {
      cell.record(i);
    }
    assertThat(cell.stripesInUse()).isEqualTo(1);
  }

  @Test
  void downscaleMergesBucketIIntoIShiftedRightByKAndKeepsCounts() {
    ExponentialHistogram cell = new ExponentialHistogram();
    for (int v = 1; v <= 100_000; v += 7) {
      cell.record(v);
      cell.record(-v / 3.0);
    }
    ExponentialHistogramData data = cell.drain();
    ExponentialHistogramData.Downscaled full = data.downscale(Integer.MAX_VALUE);
    ExponentialHistogramData.Downscaled reduced = data.downscale(40);
    int k = full.scale() - reduced.scale();
    assertThat(k).isPositive();
    assertThat(merged(full.positiveOffset(), full.positiveCounts(), k, reduced.positiveOffset(), reduced.positiveCounts().length))
        .containsExactly(reduced.positiveCounts());
    assertThat(merged(full.negativeOffset(), full.negativeCounts(), k, reduced.negativeOffset(), reduced.negativeCounts().length))
        .containsExactly(reduced.negativeCounts());
    assertThat(Arrays.stream(reduced.positiveCounts()).sum() + Arrays.stream(reduced.negativeCounts()).sum())
        .isEqualTo(data.count());
  }

  /** The reference merge: bucket i adds to i >> k, computed separately from the class under test. */
  private static long[] merged(int offset, long[] counts, int k, int mergedOffset, int length) {
    long[] result = new long[length];
    for (int j = 0; j < counts.length; j++) {
      int index = offset + j;
      result[Math.floorDiv(index, 1 << k) - mergedOffset] += counts[j];
    }
    return result;
  }

  @Test
  void downscaleHonoursMaxBucketsAtTheLargestScaleThatFits() {
    ExponentialHistogram cell = new ExponentialHistogram();
    for (double v = 1e-6; v < 1e6; v *= 1.01) {
      cell.record(v);
    }
    ExponentialHistogramData data = cell.drain();
    ExponentialHistogramData.Downscaled full = data.downscale(Integer.MAX_VALUE);
    int first = full.positiveOffset();
    int last = first + full.positiveCounts().length - 1;
    for (int maxBuckets : new int[] {2, 3, 10, 160, 1000}) {
      ExponentialHistogramData.Downscaled point = data.downscale(maxBuckets);
      assertThat(point.positiveCounts().length).isLessThanOrEqualTo(maxBuckets);
      int finerK = full.scale() - point.scale() - 1;
      int finerSpan = Math.floorDiv(last, 1 << finerK) - Math.floorDiv(first, 1 << finerK) + 1;
      assertThat(finerSpan).as("span one scale finer").isGreaterThan(maxBuckets);
    }
  }

  @Test
  void downscaleUsesOneScaleForBothSigns() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(1.0);
    cell.record(1.1);
    for (double v = 1; v < 1e9; v *= 1.5) {
      cell.record(-v);
    }
    ExponentialHistogramData.Downscaled point = cell.drain().downscale(20);
    assertThat(point.negativeCounts().length).isLessThanOrEqualTo(20);
    assertThat(point.scale()).isLessThan(5);
    assertThat(Arrays.stream(point.positiveCounts()).sum()).isEqualTo(2);
  }

  @Test
  void downscaleKeepsTheRecordingScaleWhenEverythingFits() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(1.0);
    cell.record(2.0);
    ExponentialHistogramData.Downscaled point = cell.drain().downscale(160);
    assertThat(point.scale()).isEqualTo(5);
    assertThat(point.positiveOffset()).isEqualTo(-1);
    assertThat(point.positiveCounts()).hasSize(33).startsWith(1L).endsWith(1L);
  }

  @Test
  void downscaleOfEmptySignsGivesEmptyArrays() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(0.0);
    ExponentialHistogramData.Downscaled point = cell.drain().downscale(160);
    assertThat(point.zeroCount()).isEqualTo(1);
    assertThat(point.positiveCounts()).isEmpty();
    assertThat(point.negativeCounts()).isEmpty();
    assertThat(point.positiveOffset()).isZero();
    assertThat(point.scale()).isEqualTo(5);
  }

  @Test
  void downscaleBelowTwoBucketsIsRejected() {
    assertThatThrownBy(() -> new ExponentialHistogramData(5).downscale(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBuckets 1");
  }

  @Test
  void mergeAddsCountsSumMinAndMax() {
    ExponentialHistogram a = new ExponentialHistogram();
    ExponentialHistogram b = new ExponentialHistogram();
    a.record(3);
    b.record(3);
    b.record(-8);
    b.record(Double.NaN);
    ExponentialHistogramData total = a.drain();
    total.merge(b.drain());
    assertThat(total.positiveCount(50)).isEqualTo(2);
    assertThat(total.count()).isEqualTo(3);
    assertThat(total.sum()).isEqualTo(-2);
    assertThat(total.min()).isEqualTo(-8);
    assertThat(total.max()).isEqualTo(3);
    assertThat(total.dropped()).isEqualTo(1);
  }

  @Test
  void mergeOfAnotherScaleIsRejected() {
    assertThatThrownBy(() -> new ExponentialHistogramData(5).merge(new ExponentialHistogramData(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale 3");
  }

  @Test
  void copyIsIndependentOfTheOriginal() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(7);
    ExponentialHistogramData original = cell.drain();
    ExponentialHistogramData copy = original.copy();
    original.merge(copy);
    assertThat(copy.count()).isEqualTo(1);
    assertThat(original.count()).isEqualTo(2);
  }

  @Test
  void clearEmptiesTheData() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(7);
    cell.record(-7);
    cell.record(Double.NaN);
    ExponentialHistogramData data = cell.drain();
    data.clear();
    assertThat(data.isEmpty()).isTrue();
    assertThat(data.positiveCount(ExponentialIndexer.forScale(5).index(7))).isZero();
    data.addPositive(10, 1);
    assertThat(data.count()).isEqualTo(1);
  }

  @Test
  void moreThreadsThanStripesShareStripesAndStillCountExactly() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    int threads = 3 * ThreadStripe.stripeCount();
    int perThread = 40_000;
    ExponentialHistogramData total = new ExponentialHistogramData(cell.recordingScale());
    int overlapping = StressRun.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            if (i == perThread / 2) {
              StressRun.midpoint();
            }
            cell.record(i % 8 - 2); // -2 .. 5: negatives, zero and positives
          }
        },
        () -> cell.drainInto(total));
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    cell.drainInto(total);
    long rounds = (long) threads * perThread / 8;
    assertThat(total.count()).isEqualTo(rounds * 8);
    assertThat(total.zeroCount()).isEqualTo(rounds);
    assertThat(total.sum()).isEqualTo(12.0 * rounds);
    assertThat(total.min()).isEqualTo(-2.0);
    assertThat(total.max()).isEqualTo(5.0);
    assertThat(cell.stripesInUse())
        .as("every owner has ended and was retired: only shared stripes and the spill remain")
        .isBetween(1, ThreadStripe.stripeCount() + 1);
  }

  @Test
  void aSingleWritersStripeIsFoundBeforeTheTableAndForgottenWhenItsOwnerIsRetired()
      throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    Thread[] seen = new Thread[1];
    Thread writer = new Thread(() -> {
      cell.record(1.0);
      cell.record(2.0);
      seen[0] = cell.firstOwner();
    });
    writer.start();
    writer.join();
    assertThat(seen[0]).as("the first owner is remembered").isSameAs(writer);

    assertThat(cell.drain().count()).isEqualTo(2);
    assertThat(cell.firstOwner()).as("retired with its ended owner: not kept alive").isNull();

    cell.record(3.0);
    cell.record(4.0);
    assertThat(cell.firstOwner()).isSameAs(Thread.currentThread());
    ExponentialHistogramData data = cell.drain();
    assertThat(data.count()).isEqualTo(2);
    assertThat(data.sum()).isEqualTo(7.0);
    assertThat(cell.windowBucketsInUse()).as("the new owner's own stripe").isPositive();
  }

  @Test
  void aThreadOtherThanTheRememberedOwnerNeverWritesTheOwnersStripe() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    onSharedStripe(cell, () -> {
      cell.record(1.0);
      cell.record(1.0);
    });
    assertThat(cell.windowBucketsInUse()).as("the owner recorded only a NaN").isZero();
    ExponentialHistogramData data = cell.drain();
    assertThat(data.count()).isEqualTo(2);
    assertThat(data.dropped()).isEqualTo(1);
  }
}
