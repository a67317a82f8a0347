package dev.stria.core.internal;

import static dev.stria.core.internal.TestThreads.await;
import static dev.stria.core.internal.TestThreads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The compact start of {@link LongStripes}: a cell written by one thread keeps one unpadded
 * stripe, and a hot second thread inflates it to the padded table while the first may be
 * mid-record and a drain may be running. Totals and delta sums must stay exact through the
 * inflation. What happens before it, in the spill: {@code SpillTest}.
 */
class CompactStartTest {

  /** A thread that claims another thread's id, as a Thread subclass may on Java 17. */
  private static final class SameIdThread extends Thread {
    SameIdThread(Runnable body) {
      super(body);
    }

    @Override
    @SuppressWarnings("deprecation") // overriding getId() is exactly the corner under test
    public long getId() {
      return 7;
    }
  }

  @Test
  void aSingleWriterCellAllocatesNoPaddedStripe() {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    for (int i = 0; i < 1000; i++) {
      counter.add(1L);
      counter.add(0.5);
      histogram.record(1.5);
      histogram.recordLong(3);
    }
    assertThat(counter.drain().value()).isEqualTo(1500.0);
    assertThat(histogram.drain().count()).isEqualTo(2000);
    // One compact stripe each, and no padded stripe: a padded one costs a cache line per side.
    assertThat(counter.stripesInUse()).isEqualTo(1);
    assertThat(counter.paddedStripesInUse()).isZero();
    assertThat(histogram.stripesInUse()).isEqualTo(1);
    assertThat(histogram.paddedStripesInUse()).isZero();
  }

  @Test
  void aHotSecondThreadInflatesTheCellAndTheFirstMovesToItsPaddedStripe() throws Exception {
    StripedCounter counter = new StripedCounter();
    counter.add(1L);
    long limit = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;
    // Its last add finds the spill's count at the limit: it inflates, and lands in the spill.
    Thread second = new Thread(() -> {
      for (long i = 0; i <= limit; i++) {
        counter.add(2L);
      }
    });
    second.start();
    second.join();
    counter.add(4L); // the first thread now records into the table
    assertThat(counter.paddedStripesInUse()).isPositive();
    assertThat(counter.drain().longPart()).isEqualTo(1 + 2 * (limit + 1) + 4);
    // The second thread ended: its padded stripe, if it had one, was retired by that drain.
    counter.add(8L);
    // What is left is the first thread's own padded stripe: it no longer writes the compact one.
    assertThat(counter.paddedStripesInUse()).isEqualTo(1);
    assertThat(counter.drain().longPart()).isEqualTo(8);
    assertThat(counter.drain().longPart()).isZero();
  }

  @Test
  void aSecondThreadArrivingWhileDrainsRunKeepsTotalsAndSumsExact() throws Exception {
    StressRun.repeat(() -> {
      for (int round = 0; round < 20; round++) {
        StripedCounter counter = new StripedCounter();
        ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
        int perWriter = 200_000;
        CountDownLatch firstIsCompact = new CountDownLatch(1);
        // The first stays alive (and owns the compact stripe) until the second has spilled past
        // the limit, so the cell surely inflates while both write and drains run.
        CountDownLatch secondPastTheLimit = new CountDownLatch(1);
        long limit = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;
        DrainedTotals totals = new DrainedTotals();
        int[] paddedWhenSecondStarted = new int[1];
        int overlapping = StressRun.run(
            2,
            w -> {
              if (w == 1) {
                await(firstIsCompact);
                paddedWhenSecondStarted[0] = counter.paddedStripesInUse();
              }
              for (int i = 0; i < perWriter; i++) {
                if (i == perWriter / 2) {
                  StressRun.midpoint();
                  if (w == 0) {
                    firstIsCompact.countDown(); // the second arrives mid-record and mid-drains
                  }
                }
                if (w == 0 && i == perWriter * 3 / 4) {
                  await(secondPastTheLimit);
                }
                if (w == 1 && i == limit + 1) {
                  secondPastTheLimit.countDown(); // each of its records counted, or inflated
                }
                counter.add(1L);
                counter.add(0.5);
                histogram.record((i & 1) == 0 ? 0.25 : 1.5);
              }
            },
            () -> totals.drain(counter, histogram));
        totals.drain(counter, histogram);

        assertThat(overlapping).as("drains that overlapped the writes").isPositive();
        assertThat(paddedWhenSecondStarted[0]).as("compact until the second thread").isZero();
        assertThat(counter.table()).as("a hot second writer inflates").isNotNull();
        assertThat(totals.counterLongs).isEqualTo(2L * perWriter);
        assertThat(totals.counterDoubles).isEqualTo(perWriter * 0.5 * 2);
        assertThat(totals.histogramCount).isEqualTo(2L * perWriter);
        assertThat(totals.histogramSum).isEqualTo((perWriter / 2) * (0.25 + 1.5) * 2);
      }
    });
  }

  @Test
  void aDeltaSumStaysPreciseAcrossTheInflation() throws Exception {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1e17 + 0.5); // into the compact stripe's double sum
    histogram.record(1e17);
    assertThat(counter.drain().doublePart()).isEqualTo(1e17);
    assertThat(histogram.drain().sum()).isEqualTo(1e17);
    counter.add(0.25); // still compact, in the requested frame
    histogram.record(0.25);
    long limit = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;
    Thread second = new Thread(() -> { // hot: the spill, then the table
      for (long i = 0; i <= limit + 1; i++) {
        counter.add(0.125);
        histogram.record(0.125);
      }
    });
    second.start();
    second.join();
    counter.add(0.5); // padded now; the compact stripe keeps its 1e17 frame
    histogram.record(0.5);
    assertThat(counter.paddedStripesInUse()).isPositive();
    double expected = 0.25 + 0.125 * (limit + 2) + 0.5;
    assertThat(counter.drain().doublePart()).isEqualTo(expected);
    assertThat(histogram.drain().sum()).isEqualTo(expected);
    for (int interval = 0; interval < 10; interval++) {
      counter.add(0.25);
      histogram.record(0.25);
      assertThat(counter.drain().doublePart()).isEqualTo(0.25);
      assertThat(histogram.drain().sum()).isEqualTo(0.25);
    }
  }

  @Test
  void aCompactOwnerThatDiesBeforeInflationLosesNothing() throws Exception {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    runToEnd(() -> record(counter, histogram, 1000));
    // No drain yet: the dead owner still holds the compact stripe, so the next thread spills.
    runToEnd(() -> record(counter, histogram, 500));
    assertThat(counter.stripesInUse()).as("compact and spill").isEqualTo(2);
    assertThat(counter.paddedStripesInUse()).isZero();
    assertThat(counter.drain().longPart()).isEqualTo(1500);
    assertThat(histogram.drain().count()).isEqualTo(1500);
    // The owner ended: that drain took its last values and retired its stripe; the spill stays.
    assertThat(counter.drain().longPart()).isZero();
    assertThat(counter.stripesInUse()).isEqualTo(1);
    assertThat(histogram.stripesInUse()).isEqualTo(1);
  }

  @Test
  void aRetiredCompactStripeIsTakenAgainByTheNextLoneThread() throws Exception {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    long total = 0;
    for (int round = 0; round < 20; round++) {
      runToEnd(() -> record(counter, histogram, 100));
      total += counter.drain().longPart();
      assertThat(histogram.drain().count()).isEqualTo(100);
      assertThat(counter.stripesInUse()).isZero();
    }
    assertThat(total).isEqualTo(2000);
    assertThat(counter.paddedStripesInUse()).as("one thread at a time never inflates").isZero();
    assertThat(histogram.paddedStripesInUse()).isZero();
  }

  @Test
  void threadsClaimingOneIdNeverShareTheCompactStripe() throws Exception {
    StressRun.repeat(() -> {
      StripedCounter counter = new StripedCounter();
      ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
      int perThread = 500_000;
      long[] drained = new long[2];
      Thread first = new SameIdThread(() -> record(counter, histogram, perThread));
      Thread second = new SameIdThread(() -> record(counter, histogram, perThread));
      first.start();
      second.start();
      while (first.isAlive() || second.isAlive()) {
        drained[0] += counter.drain().longPart();
        drained[1] += histogram.drain().count();
      }
      first.join();
      second.join();
      drained[0] += counter.drain().longPart();
      drained[1] += histogram.drain().count();
      assertThat(first.getId()).isEqualTo(second.getId());
      assertThat(drained[0]).isEqualTo(2L * perThread);
      assertThat(drained[1]).isEqualTo(2L * perThread);
    });
  }

  private static void record(StripedCounter counter, ExplicitBucketHistogram histogram, int n) {
    for (int i = 0; i < n; i++) {
      counter.add(1L);
      histogram.record(1.5);
    }
  }
}
