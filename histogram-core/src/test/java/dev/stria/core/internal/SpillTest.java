package dev.stria.core.internal;

import static dev.stria.core.internal.TestThreads.await;
import static dev.stria.core.internal.TestThreads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The spill of {@link LongStripes}: threads that do not own the compact stripe share one unpadded
 * stripe with atomic adds, and the cell inflates to the padded table only when that stripe is
 * contended or hot. Every record into it is drained exactly once, before and after inflation.
 */
class SpillTest {
  private static final long LIMIT = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;

  @Test
  void writersTakingTurnsShareTheSpillAndAllocateNoPaddedStripe() throws Exception {
    // The memory benchmark's "4 writers": the creating thread, then three more, once each.
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1L);
    histogram.record(0.5);
    CountDownLatch start = new CountDownLatch(1);
    Thread[] others = new Thread[3];
    for (int t = 0; t < others.length; t++) {
      others[t] = new Thread(() -> {
        await(start);
        counter.add(1L);
        histogram.record(1.5);
      });
      others[t].start();
    }
    start.countDown();
    for (Thread other : others) {
      other.join();
    }
    assertThat(counter.stripesInUse()).as("compact and spill").isEqualTo(2);
    assertThat(histogram.stripesInUse()).as("compact and spill").isEqualTo(2);
    assertThat(counter.paddedStripesInUse()).isZero();
    assertThat(histogram.paddedStripesInUse()).isZero();
    assertThat(counter.drain().longPart()).isEqualTo(4);
    assertThat(histogram.drain().bucketCounts()).containsExactly(1, 3, 0);
  }

  @Test
  void eachSpilledRecordIsDrainedExactlyOnce() throws Exception {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1L); // this thread owns the compact stripe
    histogram.record(0.5);
    counter.drain();
    histogram.drain();
    for (int round = 1; round <= 5; round++) {
      int records = round;
      runToEnd(() -> {
        for (int i = 0; i < records; i++) {
          counter.add(2L);
          histogram.record(1.5);
        }
      });
      assertThat(counter.drain().longPart()).isEqualTo(2L * records);
      assertThat(counter.drain().longPart()).as("taken once").isZero();
      HistogramData data = histogram.drain();
      assertThat(data.bucketCounts()).containsExactly(0, records, 0);
      assertThat(data.sum()).isEqualTo(1.5 * records);
      assertThat(data.min()).isEqualTo(1.5);
      assertThat(histogram.drain().count()).as("taken once").isZero();
    }
    assertThat(counter.paddedStripesInUse()).isZero();
  }

  @Test
  void aSpilledDeltaSumIsAsPreciseAsItsIntervalAfterAHugeValue() throws Exception {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1L);
    histogram.record(0.5);
    counter.drain();
    histogram.drain();
    runToEnd(() -> {
      counter.add(1e17);
      histogram.record(1e17);
    });
    assertThat(counter.drain().doublePart()).isEqualTo(1e17);
    assertThat(histogram.drain().sum()).isEqualTo(1e17);
    for (int interval = 0; interval < 5; interval++) {
      runToEnd(() -> {
        counter.add(0.5);
        histogram.record(0.25);
      });
      assertThat(counter.drain().doublePart()).isEqualTo(0.5);
      assertThat(histogram.drain().sum()).isEqualTo(0.25);
    }
  }

  @Test
  void aHotNonOwnerInflatesAfterTheLimitAndTheRecordsBeforeAndAtItStayCounted()
      throws Exception {
    StripedCounter counter = new StripedCounter();
    counter.add(1L);
    runToEnd(() -> {
      for (long i = 0; i < LIMIT; i++) {
        counter.add(1L);
      }
    });
    assertThat(counter.table()).as("the limit itself is not past it").isNull();
    // The next record finds the count at the limit: it inflates and still lands in the spill,
    // which no drain ran on yet.
    runToEnd(() -> counter.add(1L));
    assertThat(counter.table()).as("inflated").isNotNull();
    assertThat(counter.paddedStripesInUse()).as("that record allocated no padded stripe").isZero();
    assertThat(counter.drain().longPart()).isEqualTo(1 + LIMIT + 1);
  }

  @Test
  void drainsNeitherTakeNorRestartTheSpillCount() throws Exception {
    StripedCounter counter = new StripedCounter();
    counter.add(1L);
    long drained = 0;
    for (int interval = 0; interval < 4; interval++) {
      runToEnd(() -> {
        for (long i = 0; i < LIMIT / 4; i++) {
          counter.add(1L);
        }
      });
      drained += counter.drain().longPart();
      assertThat(counter.table()).as("not past the limit yet").isNull();
    }
    runToEnd(() -> counter.add(1L));
    drained += counter.drain().longPart();
    assertThat(drained).as("the count slot is not a counting slot").isEqualTo(1 + LIMIT + 1);
    assertThat(counter.table()).as("the limit counts over the cell's life").isNotNull();
  }

  @Test
  void contendedSpillInflatesWhileDrainsRunAndTotalsStayExact() throws Exception {
    StressRun.repeat(() -> {
      for (int round = 0; round < 10; round++) {
        StripedCounter counter = new StripedCounter();
        ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
        counter.add(1L); // the test thread owns both compact stripes: every writer spills
        histogram.record(0.5);
        int writers = 3;
        int perWriter = 100_000;
        DrainedTotals totals = new DrainedTotals();
        int overlapping = StressRun.run(
            writers,
            w -> {
              for (int i = 0; i < perWriter; i++) {
                if (i == perWriter / 2) {
                  StressRun.midpoint();
                }
                counter.add(1L);
                counter.add(0.5);
                histogram.record((i & 1) == 0 ? 0.25 : 1.5);
              }
            },
            () -> totals.drain(counter, histogram));
        totals.drain(counter, histogram);

        assertThat(overlapping).as("drains that overlapped the writes").isPositive();
        assertThat(counter.table()).as("inflated").isNotNull();
        assertThat(histogram.table()).as("inflated").isNotNull();
        assertThat(totals.counterLongs).isEqualTo(1L + (long) writers * perWriter);
        assertThat(totals.counterDoubles).isEqualTo(writers * perWriter * 0.5);
        assertThat(totals.histogramCount).isEqualTo(1L + (long) writers * perWriter);
        assertThat(totals.histogramSum).isEqualTo(0.5 + writers * (perWriter / 2) * (0.25 + 1.5));
      }
    });
  }

  @Test
  void virtualThreadsNeverInflateAndCountExactlyWhileDrainsRun() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1L); // a platform owner: every virtual thread spills
    histogram.record(0.5);
    int tasks = 10_000;
    int perTask = 10;
    long[] counted = {0};
    long[] histogramCount = {0};
    AtomicBoolean running = new AtomicBoolean(true);
    int[] drainsDuringTasks = {0};
    Thread drainer = new Thread(() -> {
      while (running.get()) {
        counted[0] += counter.drain().longPart();
        histogramCount[0] += histogram.drain().count();
        drainsDuringTasks[0]++;
      }
    });
    drainer.start();
    boolean[] sawVirtual = {false};
    ExecutorService executor = (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    for (int i = 0; i < tasks; i++) {
      executor.execute(() -> {
        if (VirtualThreads.isVirtual(Thread.currentThread())) {
          sawVirtual[0] = true; // a benign race: any task's true will do
        }
        for (int r = 0; r < perTask; r++) {
          counter.add(1L);
          histogram.record(1.5);
        }
      });
    }
    executor.shutdown();
    assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    running.set(false);
    drainer.join();
    counted[0] += counter.drain().longPart();
    histogramCount[0] += histogram.drain().count();

    assertThat(sawVirtual[0]).as("Thread.isVirtual seen through the method handle").isTrue();
    assertThat(drainsDuringTasks[0]).as("drains while the tasks ran").isPositive();
    assertThat(counted[0]).isEqualTo(1L + (long) tasks * perTask);
    assertThat(histogramCount[0]).isEqualTo(1L + (long) tasks * perTask);
    assertThat(counter.table()).as("virtual threads never inflate").isNull();
    assertThat(histogram.table()).isNull();
    assertThat(counter.stripesInUse()).as("compact and spill").isEqualTo(2);
  }

  @Test
  void platformThreadsAreNeverTakenForVirtualOnes() {
    assertThat(VirtualThreads.isVirtual(Thread.currentThread())).isFalse();
  }
}
