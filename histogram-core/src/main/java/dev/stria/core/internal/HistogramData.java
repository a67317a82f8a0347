package dev.stria.core.internal;

import java.util.Arrays;

/**
 * What an {@link ExplicitBucketHistogram} drain returns, and the accumulator that the collection
 * path merges drains into (a cumulative total, a reader's pending delta). Mutable and not
 * thread-safe: its owner serialises access.
 *
 * <p>The count is derived from the bucket counts, so it always equals their sum. {@link #min()}
 * and {@link #max()} are {@code NaN} while unknown.
 */
public final class HistogramData {
  private final long[] bucketCounts;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long dropped;

  /** An empty accumulator for {@code bucketCount} buckets ({@code +Inf} included). */
  public HistogramData(int bucketCount) {
    this.bucketCounts = new long[bucketCount];
  }

  void add(int bucket, long count) {
    bucketCounts[bucket] += count;
  }

  void addSum(double delta) {
    sum += delta;
  }

  void addDropped(long count) {
    dropped += count;
  }

  void extend(double newMin, double newMax) {
    min = Math.min(min, newMin);
    max = Math.max(max, newMax);
  }

  /** Adds everything in {@code other} (same bucket layout) to this. */
  public void merge(HistogramData other) {
    if (other.bucketCounts.length != bucketCounts.length) {
      throw new IllegalArgumentException(
          "cannot merge a histogram of " + other.bucketCounts.length + " buckets into one of "
              + bucketCounts.length);
    }
    for (int i = 0; i < bucketCounts.length; i++) {
      bucketCounts[i] += other.bucketCounts[i];
    }
    sum += other.sum;
    dropped += other.dropped;
    extend(other.min, other.max);
  }

  /** Empties this accumulator. */
  public void clear() {
    Arrays.fill(bucketCounts, 0);
    sum = 0;
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    dropped = 0;
  }

  /** An independent copy. */
  public HistogramData copy() {
    HistogramData copy = new HistogramData(bucketCounts.length);
    copy.merge(this);
    return copy;
  }

  /** The number of recorded values: the sum of the bucket counts. */
  public long count() {
    long count = 0;
    for (long c : bucketCounts) {
      count += c;
    }
    return count;
  }

  /** True when no value was recorded. */
  public boolean isEmpty() {
    return count() == 0 && dropped == 0;
  }

  /** A copy of the per-bucket counts ({@code +Inf} last). */
  public long[] bucketCounts() {
    return bucketCounts.clone();
  }

  /** The count of bucket {@code bucket} (the last one is {@code +Inf}). */
  public long bucketCount(int bucket) {
    return bucketCounts[bucket];
  }

  /**
   * The live per-bucket counts, not a copy: read-only, and valid until this data next changes.
   * For collectors that copy them once into an immutable snapshot.
   */
  public long[] bucketCountsView() {
    return bucketCounts;
  }

  /** The number of buckets ({@code +Inf} included). */
  public int bucketCountLength() {
    return bucketCounts.length;
  }

  /** The sum of the values recorded. */
  public double sum() {
    return sum;
  }

  /**
   * The smallest value, or NaN when unknown: nothing recorded, or (in a delta) only values that
   * raced the previous drain, which took their min (see {@link ExplicitBucketHistogram}).
   */
  public double min() {
    return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
  }

  /** The largest value, or NaN when unknown (see {@link #min()}). */
  public double max() {
    return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
  }

  /** Values not recorded because they were NaN or infinite. */
  public long dropped() {
    return dropped;
  }

  @Override
  public String toString() {
    return "HistogramData{count=" + count() + ", sum=" + sum + ", min=" + min() + ", max="
        + max() + ", buckets=" + Arrays.toString(bucketCounts) + ", dropped=" + dropped + '}';
  }
}
