package dev.stria.core.internal;

import java.util.Arrays;

/**
 * Validated explicit bucket bounds and the search that maps a value to its bucket.
 *
 * <p>Bounds are finite, strictly increasing, inclusive upper bounds ({@code v <= le}); a last
 * bucket for {@code +Inf} is implied, so there are {@code bounds.length + 1} buckets.
 *
 * <p>Values recorded as {@code long} in a unit ({@link #indexOfLong(long)}, for timers recording
 * nanoseconds into a histogram in seconds) are placed as if the double {@code value * longUnit}
 * had been recorded: each bound is turned once into the largest {@code long} whose product with
 * the unit does not exceed it, so the hot path compares longs and still agrees exactly with the
 * double comparison.
 *
 * <p>Positive bounds (the usual case: latencies, sizes) are indexed through a table keyed by the
 * value's exponent and top {@value #KEY_MANTISSA_BITS} mantissa bits: the key of a positive
 * double grows with the double, so the table gives the bucket of the smallest value with that
 * key, and a short scan (rarely more than one compare) finishes. Values spread over the buckets
 * make a plain scan mispredict its exit branch on almost every record; the table removes most of
 * that ({@code BucketIndexBenchmark} measures it). Otherwise, small bound counts use a linear
 * scan and larger ones a binary search.
 */
public final class BucketBounds {
  /** Up to this many bounds the linear scan is used. */
  static final int LINEAR_SCAN_MAX = 16;

  private static final double[] PROMETHEUS_DEFAULT = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** Prometheus' default bounds, in seconds: a fresh copy on each call. */
  public static double[] prometheusDefault() {
    return PROMETHEUS_DEFAULT.clone();
  }

  /** Mantissa bits in a table key: 16 keys per power of two, each spanning 4.4% of a value. */
  static final int KEY_MANTISSA_BITS = 4;

  /** The largest table; bounds spanning more powers of two (over 2^256) are searched. */
  private static final int MAX_TABLE = 4096;

  private final double[] bounds;
  /** Per key from {@link #firstKey}: the bucket of the smallest value with that key; or null. */
  private final int[] startByKey;
  private final long firstKey;
  private final long[] longBounds;
  private final double longUnit;
  private final boolean linear;

  /**
   * @param bounds the inclusive upper bounds: at least one, finite, strictly increasing
   * @param longUnit what one unit of a {@code long} recording is worth in the bounds' unit (1e-9
   *     for nanoseconds into seconds); positive and finite
   * @throws IllegalArgumentException naming the offending bound and the rule
   */
  public BucketBounds(double[] bounds, double longUnit) {
    validate(bounds);
    if (!(longUnit > 0) || Double.isInfinite(longUnit)) {
      throw new IllegalArgumentException(
          "the long unit " + longUnit + " must be positive and finite");
    }
    this.bounds = bounds.clone();
    this.longUnit = longUnit;
    this.longBounds = new long[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      longBounds[i] = largestLongAtOrBelow(bounds[i], longUnit);
    }
    this.linear = bounds.length <= LINEAR_SCAN_MAX;
    long first = key(bounds[0]);
    long span = key(bounds[bounds.length - 1]) - first + 1;
    if (bounds[0] > 0 && span <= MAX_TABLE) {
      this.firstKey = first;
      this.startByKey = new int[(int) span];
      for (int k = 0; k < span; k++) {
        double smallest = Double.longBitsToDouble((first + k) << (52 - KEY_MANTISSA_BITS));
        startByKey[k] = linearIndex(this.bounds, smallest);
      }
    } else {
      this.firstKey = 0;
      this.startByKey = null;
    }
  }

  /** For positive doubles, a key that never decreases as the value grows. */
  private static long key(double positive) {
    return Double.doubleToRawLongBits(positive) >>> (52 - KEY_MANTISSA_BITS);
  }

  /** Bounds for double recordings only (a long counts as itself). */
  public BucketBounds(double... bounds) {
    this(bounds, 1.0);
  }

  private static void validate(double[] bounds) {
    if (bounds == null || bounds.length == 0) {
      throw new IllegalArgumentException(
          "a histogram needs at least one bucket bound, got " + Arrays.toString(bounds));
    }
    for (int i = 0; i < bounds.length; i++) {
      if (!Double.isFinite(bounds[i])) {
        throw new IllegalArgumentException(
            "bucket bound " + bounds[i] + " at index " + i + " must be finite (+Inf is implied): "
                + Arrays.toString(bounds));
      }
      if (i > 0 && !(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException(
            "bucket bounds must be strictly increasing, but " + bounds[i] + " at index " + i
                + " follows " + bounds[i - 1] + ": " + Arrays.toString(bounds));
      }
    }
  }

  /** The largest long {@code n} with {@code n * unit <= bound} in double arithmetic. */
  private static long largestLongAtOrBelow(double bound, double unit) {
    double estimate = Math.floor(bound / unit);
    if (estimate >= 0x1p62) {
      return Long.MAX_VALUE;
    }
    if (estimate <= -0x1p62) {
      return Long.MIN_VALUE;
    }
    long n = (long) estimate;
    while (n * unit > bound) {
      n--;
    }
    while ((n + 1) * unit <= bound) {
      n++;
    }
    return n;
  }

  /** The number of buckets, {@code +Inf} included. */
  public int bucketCount() {
    return bounds.length + 1;
  }

  /** A copy of the bounds. */
  public double[] bounds() {
    return bounds.clone();
  }

  /** What one unit of a {@code long} recording is worth in the bounds' unit. */
  public double longUnit() {
    return longUnit;
  }

  /** The bucket of a finite value: the first bound {@code >= value}, or the {@code +Inf} bucket. */
  public int indexOf(double value) {
    int[] table = startByKey;
    if (table == null) {
      return linear ? linearIndex(bounds, value) : binaryIndex(bounds, value);
    }
    double[] b = bounds;
    if (value <= b[0]) {
      return 0;
    }
    if (!(value <= b[b.length - 1])) { // above the last bound, or NaN
      return b.length;
    }
    // Here 0 < b[0] < value <= b[last], so the key is in the table and the scan stops by b[last].
    int i = table[(int) (key(value) - firstKey)];
    while (value > b[i]) {
      i++;
    }
    return i;
  }

  /** The bucket of {@code value * longUnit}, computed on longs. */
  public int indexOfLong(long value) {
    long[] b = longBounds;
    if (linear) {
      int i = 0;
      while (i < b.length && value > b[i]) {
        i++;
      }
      return i;
    }
    int lo = 0;
    int hi = b.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value > b[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int linearIndex(double[] bounds, double value) {
    int i = 0;
    while (i < bounds.length && value > bounds[i]) {
      i++;
    }
    return i;
  }

  static int binaryIndex(double[] bounds, double value) {
    int lo = 0;
    int hi = bounds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value > bounds[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketBounds other
        && Arrays.equals(bounds, other.bounds)
        && longUnit == other.longUnit;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    return Arrays.toString(bounds);
  }
}
