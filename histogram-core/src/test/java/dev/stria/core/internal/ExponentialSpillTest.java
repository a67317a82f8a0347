package dev.stria.core.internal;

import static dev.stria.core.internal.TestThreads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The spill of {@link ExponentialHistogram} ({@link ExponentialSpill}): threads other than the
 * first owner share one small stripe until it is contended, hot or out of bucket entries; every
 * record into it is drained exactly once, into both views, before and after the cell inflates.
 */
class ExponentialSpillTest {
  private static final long LIMIT = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;
  private static final BucketBounds BOUNDS = new BucketBounds(1, 2);

  @Test
  void writersTakingTurnsShareTheSpillAndOwnNoStripe() throws Exception {
    // The memory benchmark's "4 writers": the creating thread, then three more, once each.
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(0.042);
    for (int t = 0; t < 3; t++) {
      runToEnd(() -> cell.record(0.042));
    }
    assertThat(cell.stripesInUse()).as("the first owner's and the spill").isEqualTo(2);
    assertThat(cell.windowBucketsInUse()).as("the first owner's window only")
        .isEqualTo(OwnedExponentialStripe.FIRST_WINDOW);
    ExponentialHistogramData data = cell.drain();
    int bucket = ExponentialIndexer.forScale(cell.recordingScale()).index(0.042);
    assertThat(data.positiveCount(bucket)).isEqualTo(4);
    assertThat(data.count()).isEqualTo(4);
    assertThat(data.sum()).isEqualTo(0.042 * 4);
    assertThat(data.min()).isEqualTo(0.042);
    assertThat(data.max()).isEqualTo(0.042);
  }

  @Test
  void everyKindOfValueInTheSpillIsDrainedOnceIntoBothViews() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram(5, BOUNDS);
    ExponentialIndexer indexer = ExponentialIndexer.forScale(5);
    cell.record(0.5); // this thread is the first owner
    cell.drain();
    for (int round = 1; round <= 4; round++) {
      int times = round;
      runToEnd(() -> {
        for (int i = 0; i < times; i++) {
          cell.record(0.5); // three bucket entries
          cell.record(-3.0);
          cell.record(2.5);
          cell.record(1.0); // a bound: counted in its side slot, no entry
          cell.record(0.0);
          cell.record(Double.NaN);
        }
      });
      ExponentialHistogramData data = new ExponentialHistogramData(5);
      HistogramData explicit = new HistogramData(BOUNDS.bucketCount());
      cell.drainInto(data, explicit);
      assertThat(data.positiveCount(indexer.index(0.5))).isEqualTo(times);
      assertThat(data.negativeCount(indexer.index(3.0))).isEqualTo(times);
      assertThat(data.positiveCount(indexer.index(2.5))).isEqualTo(times);
      assertThat(data.positiveCount(indexer.index(1.0))).isEqualTo(times);
      assertThat(data.zeroCount()).isEqualTo(times);
      assertThat(data.dropped()).isEqualTo(times);
      assertThat(data.count()).isEqualTo(5L * times);
      assertThat(data.sum()).isEqualTo(1.0 * times);
      assertThat(data.min()).isEqualTo(-3.0);
      assertThat(data.max()).isEqualTo(2.5);
      // <= 1: -3, 0, 0.5, 1.0; <= 2: none; above: 2.5
      assertThat(explicit.bucketCounts()).containsExactly(4L * times, 0, times);
      assertThat(cell.drain().count()).as("taken once").isZero();
    }
    assertThat(cell.stripesInUse()).as("never inflated: the owner's and the spill").isEqualTo(2);
  }

  @Test
  void aBucketWithoutAFreeEntryInflatesAndItsValueIsRecordedWhole() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialIndexer indexer = ExponentialIndexer.forScale(5);
    cell.record(100.0);
    double[] values = {1, 2, 4, 8, 16}; // one bucket more than the spill has entries
    assertThat(values.length).isGreaterThan(ExponentialSpill.ENTRIES);
    runToEnd(() -> {
      for (double v : values) {
        cell.record(v);
      }
    });
    assertThat(cell.stripesInUse())
        .as("the owner's, the spill, and the writer's own (or its slot's shared) stripe")
        .isEqualTo(3);
    ExponentialHistogramData data = cell.drain();
    for (double v : values) {
      assertThat(data.positiveCount(indexer.index(v))).as("value %s", v).isEqualTo(1);
    }
    assertThat(data.count()).isEqualTo(values.length + 1);
    assertThat(data.sum()).isEqualTo(131.0);
    assertThat(data.min()).isEqualTo(1.0);
    assertThat(data.max()).isEqualTo(100.0);
  }

  @Test
  void aHotSpillInflatesAfterItsLimit() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(1.0);
    runToEnd(() -> {
      for (long i = 0; i < LIMIT; i++) {
        cell.record(1.0);
      }
    });
    assertThat(cell.stripesInUse()).as("the owner's and the spill").isEqualTo(2);
    runToEnd(() -> cell.record(1.0));
    assertThat(cell.stripesInUse()).as("one more record: inflated").isEqualTo(3);
    assertThat(cell.drain().count()).isEqualTo(LIMIT + 2);
  }

  @Test
  void concurrentWritersThroughSpillAndInflationWhileDrainsRunCountExactly() throws Exception {
    StressRun.repeat(() -> {
      ExponentialHistogram cell = new ExponentialHistogram(5, BOUNDS);
      cell.record(0.5); // the first owner: this thread; every writer starts in the spill
      ExponentialHistogramData total = new ExponentialHistogramData(5);
      HistogramData explicitTotal = new HistogramData(BOUNDS.bucketCount());
      int writers = 8;
      int perWriter = 20_000;
      int overlapping = StressRun.run(
          writers,
          t -> {
            for (int i = 0; i < perWriter; i++) {
              if (i == perWriter / 2) {
                StressRun.midpoint();
              }
              cell.record(i % 2 == 0 ? 0.25 : -1024.0); // two buckets: the spill holds both
            }
          },
          () -> {
            synchronized (total) {
              cell.drainInto(total, explicitTotal);
            }
          });
      cell.drainInto(total, explicitTotal);
      assertThat(overlapping).as("drains that overlapped the writes").isPositive();
      long half = (long) writers * perWriter / 2;
      assertThat(total.count()).isEqualTo(2 * half + 1);
      assertThat(explicitTotal.count()).isEqualTo(2 * half + 1);
      assertThat(total.sum()).isEqualTo(0.5 + 0.25 * half - 1024.0 * half); // exact in binary
      assertThat(total.min()).isEqualTo(-1024.0);
      assertThat(total.max()).isEqualTo(0.5);
    });
  }
}
