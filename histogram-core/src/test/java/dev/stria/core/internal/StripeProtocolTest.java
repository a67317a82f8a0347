package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The corners of the stripe protocol ({@link LongStripes}): ownership by the thread object,
 * precise delta sums, and stripes of ended threads retired while new threads take their slots.
 */
class StripeProtocolTest {

  /** A thread that claims another thread's id, as a Thread subclass may on Java 17. */
  private static final class SameIdThread extends Thread {
    SameIdThread(Runnable body) {
      super(body);
    }

    @Override
    @SuppressWarnings("deprecation") // overriding getId() is exactly the corner under test
    public long getId() {
      return 42;
    }
  }

  @Test
  void threadsClaimingOneIdNeverShareAnOwnedStripe() throws Exception {
    StressRun.repeat(() -> {
      StripedCounter counter = new StripedCounter();
      ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
      int perThread = 2_000_000;
      CountDownLatch start = new CountDownLatch(1);
      Thread[] threads = new Thread[2];
      for (int t = 0; t < threads.length; t++) {
        threads[t] = new SameIdThread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < perThread; i++) {
            counter.add(1L);
            histogram.record(1.5);
          }
        });
        threads[t].start();
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(threads[0].getId()).isEqualTo(threads[1].getId());
      assertThat(counter.drain().longPart()).isEqualTo(2L * perThread);
      HistogramData data = histogram.drain();
      assertThat(data.bucketCount(1)).isEqualTo(2L * perThread);
      assertThat(data.sum()).isEqualTo(1.5 * 2 * perThread);
    });
  }

  @Test
  void aDeltaSumAfterAHugeValueIsAsPreciseAsTheIntervalAlone() {
    StripedCounter counter = new StripedCounter();
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    counter.add(1e17 + 0.5); // a double add, so it goes to the double sum
    histogram.record(1e17);
    assertThat(counter.drain().doublePart()).isEqualTo(1e17);
    assertThat(histogram.drain().sum()).isEqualTo(1e17);

    for (int i = 0; i < 1000; i++) {
      counter.add(0.5);
      histogram.record(0.5);
    }
    HistogramData delta = histogram.drain();
    assertThat(delta.count()).isEqualTo(1000);
    assertThat(delta.sum()).isEqualTo(500.0);
    assertThat(counter.drain().doublePart()).isEqualTo(500.0);
  }

  @Test
  void precisionHoldsOverManyIntervalsAndIdleDrains() {
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    for (int interval = 0; interval < 50; interval++) {
      histogram.record(1e17);
      histogram.drain();
      histogram.drain(); // an idle drain: the writer has not entered the requested frame
      histogram.record(0.25);
      histogram.record(0.5);
      assertThat(histogram.drain().sum()).as("interval %d", interval).isEqualTo(0.75);
    }
  }

  @Test
  void framedSumsTakeEveryValueOnceWhileDrainsRun() throws Exception {
    StressRun.repeat(() -> {
      ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
      StripedCounter counter = new StripedCounter();
      int writers = 2;
      int perWriter = 1_000_000;
      double[] histogramSum = new double[1];
      double[] counterSum = new double[1];
      int overlapping = StressRun.run(
          writers,
          w -> {
            for (int i = 0; i < perWriter; i++) {
              if (i == perWriter / 2) {
                StressRun.midpoint();
              }
              double v = (i & 1) == 0 ? 0.25 : 0.5;
              histogram.record(v);
              counter.add(v);
            }
          },
          () -> {
            histogramSum[0] += histogram.drain().sum();
            counterSum[0] += counter.drain().doublePart();
          });
      histogramSum[0] += histogram.drain().sum();
      counterSum[0] += counter.drain().doublePart();
      double expected = writers * (perWriter / 2) * 0.75;
      assertThat(overlapping).as("drains that overlapped the writes").isPositive();
      assertThat(histogramSum[0]).isEqualTo(expected);
      assertThat(counterSum[0]).isEqualTo(expected);
    });
  }

  @Test
  void endedThreadsStripesAreRetiredWhileNewThreadsTakeTheSlotsAndDrainsRun() throws Exception {
    StressRun.repeat(() -> {
      StripedCounter counter = new StripedCounter();
      ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
      AtomicBoolean running = new AtomicBoolean(true);
      long[] drained = new long[2];
      int[] drainsDuringWork = new int[1];
      Thread drainer = new Thread(() -> {
        while (running.get()) {
          drained[0] += counter.drain().longPart();
          drained[1] += histogram.drain().count();
          drainsDuringWork[0]++;
        }
      });
      drainer.start();
      int generations = 400;
      int perThread = 5_000;
      for (int g = 0; g < generations; g++) {
        // Short-lived threads, two at a time: each ends, its stripe is retired by a drain, and
        // a later thread that hashes to the same slot creates a stripe of its own.
        Thread a = new Thread(() -> recordMany(counter, histogram, perThread));
        Thread b = new Thread(() -> recordMany(counter, histogram, perThread));
        a.start();
        b.start();
        a.join();
        b.join();
      }
      running.set(false);
      drainer.join();
      drained[0] += counter.drain().longPart();
      drained[1] += histogram.drain().count();
      assertThat(drainsDuringWork[0]).isGreaterThan(generations / 10);
      assertThat(drained[0]).isEqualTo(2L * generations * perThread);
      assertThat(drained[1]).isEqualTo(2L * generations * perThread);
      assertThat(counter.paddedStripesInUse())
          .as("every owner has ended: only shared stripes may remain")
          .isLessThanOrEqualTo(ThreadStripe.tableSlots());
      assertThat(counter.stripesInUse())
          .as("the shared padded stripes and the spill")
          .isLessThanOrEqualTo(ThreadStripe.tableSlots() + 1);
    });
  }

  private static void recordMany(StripedCounter counter, ExplicitBucketHistogram histogram,
      int times) {
    for (int i = 0; i < times; i++) {
      counter.add(1L);
      histogram.record(0.5);
    }
  }
}
