package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The corners of the exponential cell's owned stripes ({@link OwnedExponentialStripe}): windows
 * that grow while drains run, values beyond the widest window, ownership by the thread object,
 * precise delta sums, and stripes of ended threads retired while new threads take their slots.
 */
class OwnedExponentialStripeTest {
  private static final BucketBounds BOUNDS = new BucketBounds(-1, 0, 0.001, 0.5, 1, 2, 1000);

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
  void oneValueTakesTheFirstWindowOnly() {
    ExponentialHistogram cell = new ExponentialHistogram();
    cell.record(0.042);
    assertThat(cell.windowBucketsInUse()).isEqualTo(OwnedExponentialStripe.FIRST_WINDOW);
    assertThat(cell.chunksInUse()).isZero();
    assertThat(cell.stripesInUse()).isEqualTo(1);
  }

  @Test
  void windowsGrowBetweenDrainsAndEachDrainTakesOnlyTheNewCounts() {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialIndexer indexer = ExponentialIndexer.forScale(cell.recordingScale());
    cell.record(1.0);
    cell.record(-1.0);
    ExponentialHistogramData first = cell.drain();
    assertThat(first.positiveCount(indexer.index(1.0))).isEqualTo(1);
    assertThat(first.negativeCount(indexer.index(1.0))).isEqualTo(1);

    cell.record(1000.0); // grows the positive window upwards
    cell.record(1.0);
    cell.record(1e-6); // and downwards
    cell.record(-5e-3);
    ExponentialHistogramData second = cell.drain();
    assertThat(second.positiveCount(indexer.index(1000.0))).isEqualTo(1);
    assertThat(second.positiveCount(indexer.index(1.0))).isEqualTo(1);
    assertThat(second.positiveCount(indexer.index(1e-6))).isEqualTo(1);
    assertThat(second.negativeCount(indexer.index(5e-3))).isEqualTo(1);
    assertThat(second.negativeCount(indexer.index(1.0))).isZero();
    assertThat(second.count()).isEqualTo(4);
    assertThat(second.sum()).isEqualTo(1000.0 + 1.0 + 1e-6 - 5e-3);
    assertThat(cell.drain().count()).isZero();
  }

  @Test
  void valuesBeyondTheWidestWindowGoToTheSharedStripeWithTheirSum() {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialIndexer indexer = ExponentialIndexer.forScale(cell.recordingScale());
    cell.record(1.0);
    cell.record(1e300); // 996 octaves away: more than MAX_WINDOW buckets at scale 5
    cell.record(1e-300);
    cell.record(2.0);
    assertThat(cell.windowBucketsInUse()).isLessThanOrEqualTo(OwnedExponentialStripe.MAX_WINDOW);
    assertThat(cell.chunksInUse()).isEqualTo(2);
    ExponentialHistogramData data = cell.drain();
    assertThat(data.positiveCount(indexer.index(1e300))).isEqualTo(1);
    assertThat(data.positiveCount(indexer.index(1e-300))).isEqualTo(1);
    assertThat(data.positiveCount(indexer.index(1.0))).isEqualTo(1);
    assertThat(data.positiveCount(indexer.index(2.0))).isEqualTo(1);
    assertThat(data.sum()).isEqualTo(1e300);
    assertThat(data.min()).isEqualTo(1e-300);
    assertThat(data.max()).isEqualTo(1e300);
  }

  @Test
  void aFullBucketSendsItsLaterValuesToTheSharedStripeWithoutLosingOne() {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialIndexer indexer = ExponentialIndexer.forScale(cell.recordingScale());
    cell.record(3.0);
    cell.drain();
    cell.setOwnedCountForTest(3.0, Integer.MAX_VALUE - 2); // as if 2^31 - 3 values had come
    ExponentialHistogramData first = cell.drain();
    assertThat(first.positiveCount(indexer.index(3.0))).isEqualTo(Integer.MAX_VALUE - 3L);
    for (int i = 0; i < 5; i++) {
      cell.record(3.0); // two fit, three go to the shared stripe
    }
    cell.record(-3.0);
    assertThat(cell.chunksInUse()).isEqualTo(1);
    ExponentialHistogramData second = cell.drain();
    assertThat(second.positiveCount(indexer.index(3.0))).isEqualTo(5);
    assertThat(second.negativeCount(indexer.index(3.0))).isEqualTo(1);
    assertThat(second.sum()).isEqualTo(12.0);
    cell.record(3.0);
    assertThat(cell.drain().positiveCount(indexer.index(3.0))).isEqualTo(1);
  }

  @Test
  void threadsClaimingOneIdNeverShareAnOwnedStripe() throws Exception {
    StressRun.repeat(() -> {
      ExponentialHistogram cell = new ExponentialHistogram();
      ExponentialHistogram withView = new ExponentialHistogram(5, BOUNDS);
      int perThread = 1_000_000;
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
            cell.record(1.5);
            withView.record(0.5); // a bound: counted in its side slot
            withView.record(1.5);
          }
        });
        threads[t].start();
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(threads[0].getId()).isEqualTo(threads[1].getId());
      ExponentialHistogramData data = cell.drain();
      assertThat(data.count()).isEqualTo(2L * perThread);
      assertThat(data.sum()).isEqualTo(1.5 * 2 * perThread);
      ExponentialHistogramData exponential = new ExponentialHistogramData(5);
      HistogramData explicit = new HistogramData(BOUNDS.bucketCount());
      withView.drainInto(exponential, explicit);
      assertThat(exponential.count()).isEqualTo(4L * perThread);
      assertThat(explicit.bucketCount(BOUNDS.indexOf(0.5))).isEqualTo(2L * perThread);
      assertThat(explicit.bucketCount(BOUNDS.indexOf(1.5))).isEqualTo(2L * perThread);
    });
  }

  @Test
  void aDeltaSumAfterAHugeValueIsAsPreciseAsTheIntervalAlone() {
    ExponentialHistogram[] cells = {
        new ExponentialHistogram(), new ExponentialHistogram(5, BOUNDS)};
    for (ExponentialHistogram cell : cells) {
      cell.record(1e17);
      assertThat(cell.drain().sum()).isEqualTo(1e17);
      for (int interval = 0; interval < 20; interval++) {
        for (int i = 0; i < 1000; i++) {
          cell.record(0.5);
        }
        ExponentialHistogramData delta = cell.drain();
        assertThat(delta.count()).isEqualTo(1000);
        assertThat(delta.sum()).as("interval %d", interval).isEqualTo(500.0);
        cell.drain(); // an idle drain: the owner has not entered the requested frame
        cell.record(1e17);
        cell.record(0.25);
        assertThat(cell.drain().sum()).isEqualTo(1e17 + 0.25);
      }
    }
  }

  /**
   * Two writers sweep their values from 2^-60 to 2^80 and back (both signs, with zeros, NaN and
   * now and then a value beyond the widest window), so their windows grow while drains run.
   * Every bucket, the zero and dropped counts and the explicit view must add up exactly.
   */
  @Test
  void growingWindowsRacingDrainsCountEveryBucketOnce() throws Exception {
    StressRun.repeat(() -> {
      ExponentialHistogram cell = new ExponentialHistogram(5, BOUNDS);
      ExponentialIndexer indexer = ExponentialIndexer.forScale(5);
      int writers = 2;
      int perWriter = 400_000;
      ExponentialHistogramData total = new ExponentialHistogramData(5);
      HistogramData explicitTotal = new HistogramData(BOUNDS.bucketCount());
      int overlapping = StressRun.run(
          writers,
          w -> {
            for (int i = 0; i < perWriter; i++) {
              if (i == perWriter / 2) {
                StressRun.midpoint();
              }
              cell.record(sweep(w, i, perWriter));
            }
          },
          () -> cell.drainInto(total, explicitTotal));
      cell.drainInto(total, explicitTotal);
      assertThat(overlapping).as("drains that overlapped the writes").isPositive();

      Map<Integer, Long> positive = new HashMap<>();
      Map<Integer, Long> negative = new HashMap<>();
      long zeros = 0;
      long dropped = 0;
      long[] explicitExpected = new long[BOUNDS.bucketCount()];
      for (int w = 0; w < writers; w++) {
        for (int i = 0; i < perWriter; i++) {
          double v = sweep(w, i, perWriter);
          if (Double.isNaN(v)) {
            dropped++;
            continue;
          }
          explicitExpected[BOUNDS.indexOf(v)]++;
          if (v == 0) {
            zeros++;
          } else {
            (v > 0 ? positive : negative).merge(indexer.index(Math.abs(v)), 1L, Long::sum);
          }
        }
      }
      positive.forEach((index, n) -> assertThat(total.positiveCount(index)).isEqualTo(n));
      negative.forEach((index, n) -> assertThat(total.negativeCount(index)).isEqualTo(n));
      assertThat(total.zeroCount()).isEqualTo(zeros);
      assertThat(total.dropped()).isEqualTo(dropped);
      assertThat(total.count()).isEqualTo((long) writers * perWriter - dropped);
      assertThat(explicitTotal.bucketCounts()).containsExactly(explicitExpected);
    });
  }

  /** Value {@code i} of writer {@code w}: see growingWindowsRacingDrainsCountEveryBucketOnce. */
  private static double sweep(int w, int i, int perWriter) {
    if (i % 997 == 0) {
      return (i & 1) == 0 ? Double.NaN : 0.0;
    }
    if (i % 1009 == 0) {
      return (i & 1) == 0 ? 1e300 : -1e-300;
    }
    int half = perWriter / 2;
    int step = i < half ? i : perWriter - 1 - i; // up, then back down
    int exponent = -60 + (int) (140L * step / half);
    double v = Math.scalb(1.0 + (i % 64) / 64.0, exponent);
    return ((i + w) % 5 == 0) ? -v : v;
  }

  @Test
  void endedThreadsStripesAreRetiredWhileNewThreadsTakeTheSlotsAndDrainsRun() throws Exception {
    StressRun.repeat(() -> {
      ExponentialHistogram cell = new ExponentialHistogram(5, BOUNDS);
      AtomicBoolean running = new AtomicBoolean(true);
      long[] drained = new long[2];
      int[] drainsDuringWork = new int[1];
      Thread drainer = new Thread(() -> {
        while (running.get()) {
          ExponentialHistogramData data = new ExponentialHistogramData(5);
          HistogramData explicit = new HistogramData(BOUNDS.bucketCount());
          cell.drainInto(data, explicit);
          drained[0] += data.count();
          drained[1] += explicit.count();
          drainsDuringWork[0]++;
        }
      });
      drainer.start();
      int generations = 300;
      int perThread = 5_000;
      for (int g = 0; g < generations; g++) {
        Thread a = new Thread(() -> recordMany(cell, perThread));
        Thread b = new Thread(() -> recordMany(cell, perThread));
        a.start();
        b.start();
        a.join();
        b.join();
      }
      running.set(false);
      drainer.join();
      ExponentialHistogramData data = new ExponentialHistogramData(5);
      HistogramData explicit = new HistogramData(BOUNDS.bucketCount());
      cell.drainInto(data, explicit);
      drained[0] += data.count();
      drained[1] += explicit.count();
      assertThat(drainsDuringWork[0]).isGreaterThan(generations / 10);
      assertThat(drained[0]).isEqualTo(2L * generations * perThread);
      assertThat(drained[1]).isEqualTo(2L * generations * perThread);
      assertThat(cell.stripesInUse())
          .as("every owner has ended: only shared stripes and the spill may remain")
          .isLessThanOrEqualTo(ThreadStripe.stripeCount() + 1);
    });
  }

  private static void recordMany(ExponentialHistogram cell, int times) {
    for (int i = 0; i < times; i++) {
      cell.record(i % 3 == 0 ? 0.5 : 0.001 * (i % 5000 + 1));
    }
  }
}
