package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketBoundsTest {

  @Test
  void valuesExactlyOnABoundGoInThatBucket() {
    BucketBounds bounds = new BucketBounds(BucketBounds.prometheusDefault());
    double[] b = BucketBounds.prometheusDefault();
    for (int i = 0; i < b.length; i++) {
      assertThat(bounds.indexOf(b[i])).as("value %s", b[i]).isEqualTo(i);
      assertThat(bounds.indexOf(Math.nextUp(b[i]))).as("just above %s", b[i]).isEqualTo(i + 1);
      assertThat(bounds.indexOf(Math.nextDown(b[i]))).as("just below %s", b[i]).isEqualTo(i);
    }
    assertThat(bounds.indexOf(0)).isZero();
    assertThat(bounds.indexOf(-5)).isZero();
    assertThat(bounds.indexOf(1e300)).isEqualTo(b.length);
  }

  @Test
  void linearScanAndBinarySearchAgree() {
    double[] many = new double[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = i * 0.5 - 10;
    }
    BucketBounds bounds = new BucketBounds(many);
    for (double v = -12; v < 45; v += 0.25) {
      assertThat(BucketBounds.binaryIndex(many, v)).isEqualTo(BucketBounds.linearIndex(many, v));
      assertThat(bounds.indexOf(v)).isEqualTo(BucketBounds.linearIndex(many, v));
    }
  }

  @Test
  void longRecordingsArePlacedAsTheirScaledDouble() {
    double nanosToSeconds = 1e-9;
    BucketBounds bounds = new BucketBounds(BucketBounds.prometheusDefault(), nanosToSeconds);
    long[] samples = {0, 1, 4_999_999, 5_000_000, 5_000_001, 9_999_999, 10_000_000,
        999_999_999, 1_000_000_000, 1_000_000_001, 10_000_000_000L, 10_000_000_001L,
        Long.MAX_VALUE, -3};
    for (long nanos : samples) {
      assertThat(bounds.indexOfLong(nanos))
          .as("%d ns", nanos)
          .isEqualTo(bounds.indexOf(nanos * nanosToSeconds));
    }
  }

  @Test
  void longRecordingsAgreeWithDoublesForManyBoundsToo() {
    double[] many = new double[40];
    for (int i = 0; i < many.length; i++) {
      many[i] = 0.001 * (i + 1) * (i + 1);
    }
    BucketBounds bounds = new BucketBounds(many, 1e-6);
    for (long micros = 0; micros < 2_000_000; micros += 997) {
      assertThat(bounds.indexOfLong(micros)).isEqualTo(bounds.indexOf(micros * 1e-6));
    }
  }

  @Test
  void rejectsEmptyBounds() {
    assertThatThrownBy(() -> new BucketBounds(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one bucket bound");
  }

  @Test
  void rejectsNonIncreasingBoundsNamingTheValue() {
    assertThatThrownBy(() -> new BucketBounds(1, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly increasing")
        .hasMessageContaining("2.0 at index 2");
  }

  @Test
  void rejectsInfiniteAndNaNBounds() {
    assertThatThrownBy(() -> new BucketBounds(1, Double.POSITIVE_INFINITY))
        .hasMessageContaining("must be finite");
    assertThatThrownBy(() -> new BucketBounds(Double.NaN)).hasMessageContaining("must be finite");
  }

  @Test
  void tableIndexAgreesWithTheLinearScanAroundEveryBoundAndAtRandom() {
    double[][] cases = {
      BucketBounds.prometheusDefault(),
      {1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9},
      {1, 1.01, 1.02, 1.03, 2, 4, 4.0000001},
      {0.5},
      {Double.MIN_VALUE, 1e-300, 1},
      {-5, -1, 0, 1, 5},
      {0, 1, 2},
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (double[] b : cases) {
      BucketBounds bounds = new BucketBounds(b);
      for (double bound : b) {
        for (double v : new double[] {bound, Math.nextUp(bound), Math.nextDown(bound),
            bound * 1.02, bound / 1.02, -bound}) {
          assertThat(bounds.indexOf(v)).as("%s in %s", v, bounds)
              .isEqualTo(BucketBounds.linearIndex(b, v));
        }
      }
      for (int i = 0; i < 20_000; i++) {
        double v = Math.pow(10, random.nextDouble(-12, 12)) * (random.nextInt(10) == 0 ? -1 : 1);
        assertThat(bounds.indexOf(v)).as("%s in %s", v, bounds)
            .isEqualTo(BucketBounds.linearIndex(b, v));
      }
      assertThat(bounds.indexOf(0.0)).isEqualTo(BucketBounds.linearIndex(b, 0.0));
      assertThat(bounds.indexOf(Double.MAX_VALUE)).isEqualTo(b.length);
    }
  }
}
