package dev.stria.core.internal;

import java.util.Arrays;

/**
 * The explicit-bucket view of an {@link ExponentialHistogram}: one cell records each value once,
 * and both views are derived from the same counts, so every drain presents them with the same
 * count — a consistent cut by construction, with no second cell to drain.
 *
 * <p><b>How one count serves two views.</b> Explicit bounds cut the exponential buckets they fall
 * in. A value whose exponential bucket holds the bound {@code b[j]} and which lies at or below
 * that bound (its explicit bucket is {@code j}) is counted in side slot {@code j} of the stripe
 * instead of its exponential bucket; every other value is counted in its exponential bucket. Then
 * every value in an exponential bucket's own count lies above all the bounds the bucket holds, so
 * the whole count belongs to one explicit bucket ({@link #explicitIndexOfBucket}), and side slot
 * {@code j} belongs to explicit bucket {@code j} and to the exponential bucket of {@code b[j]}.
 * Each record still writes one count; the drain sums the parts into both views.
 *
 * <p>The explicit bucket of a bucket count is the number of bounds at or below the bucket: bounds
 * and buckets are ordered by a key that is monotonic in the value ({@link #key}).
 */
final class ExplicitView {
  /** Puts positive buckets above zero and negative buckets below it in one ordering. */
  private static final long SIGN_OFFSET = 1L << 40;

  /** A bucket index no value has: marks bounds without an exponential bucket of that sign. */
  private static final int NONE = Integer.MIN_VALUE;

  private final BucketBounds bounds;
  /** Per explicit bucket j, the positive exponential bucket of b[j], or NONE. */
  private final int[] positiveBucketOfBound;
  /** Per explicit bucket j, the negative exponential bucket of b[j] (by magnitude), or NONE. */
  private final int[] negativeBucketOfBound;
  /** The ordering key of each bound, non-decreasing. */
  private final long[] boundKeys;
  private final int zeroBucket;

  ExplicitView(BucketBounds bounds, ExponentialIndexer indexer) {
    this.bounds = bounds;
    double[] b = bounds.bounds();
    this.positiveBucketOfBound = new int[b.length + 1];
    this.negativeBucketOfBound = new int[b.length + 1];
    this.boundKeys = new long[b.length];
    Arrays.fill(positiveBucketOfBound, NONE);
    Arrays.fill(negativeBucketOfBound, NONE);
    for (int j = 0; j < b.length; j++) {
      if (b[j] > 0) {
        positiveBucketOfBound[j] = indexer.index(b[j]);
        boundKeys[j] = key(false, positiveBucketOfBound[j]);
      } else if (b[j] < 0) {
        negativeBucketOfBound[j] = indexer.index(-b[j]);
        boundKeys[j] = key(true, negativeBucketOfBound[j]);
      }
    }
    this.zeroBucket = bounds.indexOf(0.0);
  }

  BucketBounds bounds() {
    return bounds;
  }

  /** The number of side slots a stripe needs: one per bound. */
  int sideSlots() {
    return boundKeys.length;
  }

  /**
   * Counts {@code value} (finite, non-zero, in exponential bucket {@code index} of its sign) in a
   * side slot of {@code scalars} starting at {@code firstSide}, if it lies at or below a bound of
   * its exponential bucket; returns false, counting nothing, if its bucket count should take it.
   * On an {@code owned} stripe the side slot is written as the owner writes ({@link
   * LongStripes#add}), on a shared one with an atomic add.
   */
  boolean countedAtBound(
      long[] scalars, boolean owned, int firstSide, double value, int index, boolean negative) {
    int j = sideOf(value, index, negative);
    if (j < 0) {
      return false;
    }
    LongStripes.add(scalars, owned, firstSide + j, 1L);
    return true;
  }

  /**
   * The side slot that counts {@code value} (finite, non-zero, in exponential bucket {@code index}
   * of its sign), or -1 when its bucket count takes it; see {@link #countedAtBound}.
   */
  int sideOf(double value, int index, boolean negative) {
    int j = bounds.indexOf(value);
    int boundBucket = negative ? negativeBucketOfBound[j] : positiveBucketOfBound[j];
    return boundBucket == index ? j : -1;
  }

  /** The explicit bucket of every value counted in exponential bucket {@code index}. */
  int explicitIndexOfBucket(boolean negative, int index) {
    long bucketKey = key(negative, index);
    int low = 0;
    int high = boundKeys.length;
    while (low < high) { // the number of bound keys <= bucketKey
      int mid = (low + high) >>> 1;
      if (boundKeys[mid] <= bucketKey) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The explicit bucket of zero. */
  int zeroBucket() {
    return zeroBucket;
  }

  /** Whether side slot {@code j} belongs to a negative exponential bucket. */
  boolean sideIsNegative(int j) {
    return negativeBucketOfBound[j] != NONE;
  }

  /** The exponential bucket of side slot {@code j}; see {@link #sideIsNegative}. */
  int sideBucket(int j) {
    return sideIsNegative(j) ? negativeBucketOfBound[j] : positiveBucketOfBound[j];
  }

  /** Whether bound {@code j} lies in an exponential bucket (it is not zero). */
  boolean hasSide(int j) {
    return positiveBucketOfBound[j] != NONE || negativeBucketOfBound[j] != NONE;
  }

  /**
   * Orders buckets by value: negative buckets (larger magnitude first), zero, positive buckets.
   */
  private static long key(boolean negative, int index) {
    return negative ? -SIGN_OFFSET - index : SIGN_OFFSET + index;
  }
}
