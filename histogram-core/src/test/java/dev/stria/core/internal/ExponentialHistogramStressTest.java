package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers record a known sequence of integer values (so every sum is exact in a double) while a
 * drainer drains in a tight loop; the merged deltas must equal a single-threaded reference exactly.
 */
class ExponentialHistogramStressTest {
  private static final int WRITERS = 4;
  private static final int RECORDS_PER_WRITER = 200_000;

  /** Integers from -1000 to 1000 (zero included), and a NaN every 97th record. */
  private static double value(int writer, int n) {
    if (n % 97 == 0) {
      return Double.NaN;
    }
    return ((n * 31 + writer * 7) % 2001) - 1000;
  }

  @Test
  void drainedDeltasAddUpExactlyToWhatFourWritersRecordedWhileDrainsRan() throws Exception {
    ExponentialHistogram cell = new ExponentialHistogram();
    ExponentialHistogramData total = new ExponentialHistogramData(cell.recordingScale());
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Thread thread =
          new Thread(
              () -> {
                awaitQuietly(start);
                for (int n = 0; n < RECORDS_PER_WRITER; n++) {
                  cell.record(value(writer, n));
                }
              });
      writers.add(thread);
      thread.start();
    }
    long[] drains = new long[1];
    boolean[] countAlwaysMatched = {true};
    Thread drainer =
        new Thread(
            () -> {
              awaitQuietly(start);
              while (writing.get()) {
                ExponentialHistogramData delta = cell.drain();
                countAlwaysMatched[0] &= delta.count() == bucketTotal(delta);
                total.merge(delta);
                drains[0]++;
              }
            });
    drainer.start();
    start.countDown();
    for (Thread thread : writers) {
      thread.join();
    }
    writing.set(false);
    drainer.join();
    total.merge(cell.drain());

    ExponentialHistogram single = new ExponentialHistogram();
    for (int w = 0; w < WRITERS; w++) {
      for (int n = 0; n < RECORDS_PER_WRITER; n++) {
        single.record(value(w, n));
      }
    }
    ExponentialHistogramData expected = single.drain();

    assertThat(drains[0]).isPositive();
    assertThat(countAlwaysMatched[0]).as("every delta's count equals its buckets").isTrue();
    assertThat(total.count()).isEqualTo(expected.count());
    assertThat(total.zeroCount()).isEqualTo(expected.zeroCount()).isPositive();
    assertThat(total.dropped()).isEqualTo(expected.dropped()).isPositive();
    assertThat(total.sum()).isEqualTo(expected.sum());
    assertThat(total.min()).isEqualTo(-1000);
    assertThat(total.max()).isEqualTo(1000);
    ExponentialHistogramData.Downscaled got = total.downscale(Integer.MAX_VALUE);
    ExponentialHistogramData.Downscaled want = expected.downscale(Integer.MAX_VALUE);
    assertThat(got.positiveOffset()).isEqualTo(want.positiveOffset());
    assertThat(got.positiveCounts()).containsExactly(want.positiveCounts());
    assertThat(got.negativeOffset()).isEqualTo(want.negativeOffset());
    assertThat(got.negativeCounts()).containsExactly(want.negativeCounts());
    assertThat(total.count() + total.dropped()).isEqualTo((long) WRITERS * RECORDS_PER_WRITER);
  }

  private static long bucketTotal(ExponentialHistogramData data) {
    ExponentialHistogramData.Downscaled d = data.downscale(Integer.MAX_VALUE);
    long total = d.zeroCount();
    for (long c : d.positiveCounts()) {
      total += c;
    }
    for (long c : d.negativeCounts()) {
      total += c;
    }
    return total;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
