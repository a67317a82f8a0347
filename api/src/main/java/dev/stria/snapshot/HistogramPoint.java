package dev.stria.snapshot;

import java.util.Arrays;
import java.util.List;

/**
 * An explicit-bucket histogram series.
 *
 * <p>{@code bounds} are the finite, strictly increasing, inclusive upper bounds ({@code v <= le});
 * {@code bucketCounts[i]} counts values in {@code (bounds[i-1], bounds[i]]} and the last entry
 * counts values above the last bound ({@code +Inf}), so {@code bucketCounts.length ==
 * bounds.length + 1}. Counts are per bucket, not cumulative. {@code count} always equals the sum of
 * {@code bucketCounts}. {@code min} and {@code max} are {@code NaN} when unknown: nothing recorded, or in a delta only values that raced the previous collection.
 *
 * <p>{@code exemplars} holds at most one exemplar per bucket, the bucket its value falls in: the
 * latest of each bucket for cumulative points, ones recorded during the interval for delta points.
 *
 * <p>The arrays are copied on construction and shared by the accessors: do not modify them.
 * Points with equal bounds may share one copy of them.
 */
public record HistogramPoint(
    Labels labels,
    long startEpochNanos,
    long epochNanos,
    long count,
    double sum,
    double min,
    double max,
    double[] bounds,
    long[] bucketCounts,
    List<Exemplar> exemplars)
    implements PointSnapshot {

  /** Checks the point and copies the arrays (equal bounds share a copy) and the exemplars. */
  public HistogramPoint {
    Points.requireLabels(labels);
    exemplars = Points.exemplars(exemplars);
    bounds = Points.bounds(bounds);
    bucketCounts = bucketCounts.clone();
    if (bucketCounts.length != bounds.length + 1) {
      throw new IllegalArgumentException(
          "a histogram with " + bounds.length + " bounds needs " + (bounds.length + 1)
              + " bucket counts (the last for +Inf), got " + bucketCounts.length);
    }
    long bucketTotal = Points.sum(bucketCounts);
    if (bucketTotal != count) {
      throw new IllegalArgumentException(
          "a histogram's count " + count + " must equal the sum of its buckets " + bucketTotal);
    }
  }

  /** A point without exemplars. */
  public HistogramPoint(Labels labels, long startEpochNanos, long epochNanos, long count,
      double sum, double min, double max, double[] bounds, long[] bucketCounts) {
    this(labels, startEpochNanos, epochNanos, count, sum, min, max, bounds, bucketCounts,
        List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramPoint p
        && labels.equals(p.labels)
        && startEpochNanos == p.startEpochNanos
        && epochNanos == p.epochNanos
        && count == p.count
        && Double.compare(sum, p.sum) == 0
        && Double.compare(min, p.min) == 0
        && Double.compare(max, p.max) == 0
        && Arrays.equals(bounds, p.bounds)
        && Arrays.equals(bucketCounts, p.bucketCounts)
        && exemplars.equals(p.exemplars);
  }

  @Override
  public int hashCode() {
    return (labels.hashCode() * 31 + Long.hashCode(count)) * 31 + Arrays.hashCode(bucketCounts);
  }

  @Override
  public String toString() {
    return "HistogramPoint" + labels + " count=" + count + " sum=" + sum + " min=" + min
        + " max=" + max + " bounds=" + Arrays.toString(bounds) + " buckets="
        + Arrays.toString(bucketCounts) + (exemplars.isEmpty() ? "" : " exemplars=" + exemplars);
  }
}
