package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
    StressRun.repeat(() -> {
      ExponentialHistogram cell = new ExponentialHistogram();
      ExponentialHistogramData total = new ExponentialHistogramData(cell.recordingScale());
      boolean[] cumulativeNeverShrank = {true};
      int overlapping = StressRun.run(
          WRITERS,
          writer -> {
            for (int n = 0; n < RECORDS_PER_WRITER; n++) {
              if (n == RECORDS_PER_WRITER / 2) {
                StressRun.midpoint();
              }
              cell.record(value(writer, n));
            }
          },
          () -> {
            long before = total.count();
            total.merge(cell.drain());
            cumulativeNeverShrank[0] &= total.count() >= before;
          });
      total.merge(cell.drain());

      ExponentialHistogram single = new ExponentialHistogram();
      for (int w = 0; w < WRITERS; w++) {
        for (int n = 0; n < RECORDS_PER_WRITER; n++) {
          single.record(value(w, n));
        }
      }
      ExponentialHistogramData expected = single.drain();

      assertThat(overlapping).as("drains that overlapped the writes").isPositive();
      assertThat(cumulativeNeverShrank[0]).as("the merged total never shrank").isTrue();
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
    });
  }
}
