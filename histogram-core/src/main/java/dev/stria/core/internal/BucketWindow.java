package dev.stria.core.internal;

import java.util.Arrays;

/**
 * Bucket counts of one sign over a dense window of indexes that grows to cover every index added.
 * Not thread-safe: owned by one {@link ExponentialHistogramData}.
 *
 * <p>Memory is proportional to the span between the lowest and highest index ever added (since
 * the last {@link #clear()}), at the scale of the owning data.
 */
final class BucketWindow {
  private static final long[] EMPTY = new long[0];
  private static final int SLACK = 16;

  private long[] counts = EMPTY;
  /** The index of {@code counts[0]}. */
  private long base;
  private int low = Integer.MAX_VALUE;
  private int high = Integer.MIN_VALUE;
  private long total;

  void add(int index, long n) {
    if (n == 0) {
      return;
    }
    if (index < base || index >= base + counts.length) {
      grow(index);
    }
    counts[(int) (index - base)] += n;
    total += n;
    low = Math.min(low, index);
    high = Math.max(high, index);
  }

  private void grow(int index) {
    long newLow = isEmpty() ? index : Math.min(low, index);
    long newHigh = isEmpty() ? index : Math.max(high, index);
    long span = newHigh - newLow + 1;
    long length = Math.max(span + 2 * SLACK, 2L * counts.length);
    long newBase = newLow - (length - span) / 2;
    long[] grown = new long[Math.toIntExact(length)];
    if (!isEmpty()) {
      System.arraycopy(counts, (int) (low - base), grown, (int) (low - newBase), high - low + 1);
    }
    counts = grown;
    base = newBase;
  }

  long get(int index) {
    return index < base || index >= base + counts.length ? 0 : counts[(int) (index - base)];
  }

  boolean isEmpty() {
    return low > high;
  }

  long total() {
    return total;
  }

  /** The lowest index with a count; meaningless when empty. */
  int low() {
    return low;
  }

  int high() {
    return high;
  }

  void addAll(BucketWindow other) {
    for (int i = other.low; !other.isEmpty() && i <= other.high; i++) {
      add(i, other.get(i));
    }
  }

  void clear() {
    if (!isEmpty()) {
      Arrays.fill(counts, (int) (low - base), (int) (high - base) + 1, 0L);
    }
    low = Integer.MAX_VALUE;
    high = Integer.MIN_VALUE;
    total = 0;
  }

  /** The number of buckets after merging index {@code i} into {@code i >> k}; 0 when empty. */
  int span(int k) {
    return isEmpty() ? 0 : (high >> k) - (low >> k) + 1;
  }

  /** The first index after merging {@code i} into {@code i >> k}; 0 when empty. */
  int offset(int k) {
    return isEmpty() ? 0 : low >> k;
  }

  /** The counts after merging index {@code i} into {@code i >> k}, from {@link #offset(int)}. */
  long[] downscaled(int k) {
    long[] merged = new long[span(k)];
    int offset = offset(k);
    for (int i = low; !isEmpty() && i <= high; i++) {
      merged[(i >> k) - offset] += counts[(int) (i - base)];
    }
    return merged;
  }
}
