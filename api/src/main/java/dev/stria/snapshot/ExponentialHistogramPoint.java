package dev.stria.snapshot;

import java.util.Arrays;
import java.util.List;

/**
 * A base-2 exponential histogram series, as OpenTelemetry defines it.
 *
 * <p>At scale {@code s}, bucket index {@code i} covers {@code (2^(i/2^s), 2^((i+1)/2^s)]}.
 * {@code positiveCounts[k]} counts positive values in bucket {@code positiveOffset + k};
 * {@code negativeCounts[k]} counts negative values whose absolute value is in bucket {@code
 * negativeOffset + k}. {@code zeroCount} counts exact zeros. {@code count} always equals
 * {@code zeroCount} plus every bucket. {@code min} and {@code max} are {@code NaN} when unknown:
 * nothing recorded, or in a delta only values that raced the previous collection.
 *
 * <p>{@code classic} is the same series' explicit-bucket view when the histogram was registered
 * with explicit bounds as well (Prometheus exposes both at once); it is {@code null} otherwise.
 *
 * <p>{@code exemplars}: with explicit bounds as well, at most one per explicit bucket (the
 * {@code classic} view carries the same ones); otherwise at most four, kept as client_java keeps a
 * native histogram's (the smallest value, the largest, and the most recent others). Cumulative
 * points carry the latest, delta points those recorded during the interval.
 *
 * <p>The arrays are copied on construction and shared by the accessors: do not modify them.
 */
public record ExponentialHistogramPoint(
    Labels labels,
    long startEpochNanos,
    long epochNanos,
    long count,
    double sum,
    double min,
    double max,
    int scale,
    long zeroCount,
    int positiveOffset,
    long[] positiveCounts,
    int negativeOffset,
    long[] negativeCounts,
    HistogramPoint classic,
    List<Exemplar> exemplars)
    implements PointSnapshot {

  /** Checks the point and copies the bucket arrays and the exemplars. */
  public ExponentialHistogramPoint {
    Points.requireLabels(labels);
    exemplars = Points.exemplars(exemplars);
    positiveCounts = positiveCounts.clone();
    negativeCounts = negativeCounts.clone();
    long total = zeroCount + Points.sum(positiveCounts) + Points.sum(negativeCounts);
    if (total != count) {
      throw new IllegalArgumentException(
          "an exponential histogram's count " + count
              + " must equal its zero count plus its buckets " + total);
    }
    if (classic != null && classic.count() != count) {
      throw new IllegalArgumentException(
          "the classic view's count " + classic.count() + " differs from the count " + count);
    }
  }

  /** A point without exemplars. */
  public ExponentialHistogramPoint(
      Labels labels, long startEpochNanos, long epochNanos, long count, double sum, double min,
      double max, int scale, long zeroCount, int positiveOffset, long[] positiveCounts,
      int negativeOffset, long[] negativeCounts, HistogramPoint classic) {
    this(labels, startEpochNanos, epochNanos, count, sum, min, max, scale, zeroCount,
        positiveOffset, positiveCounts, negativeOffset, negativeCounts, classic, List.of());
  }

  /** A point without a classic view or exemplars. */
  public ExponentialHistogramPoint(
      Labels labels, long startEpochNanos, long epochNanos, long count, double sum, double min,
      double max, int scale, long zeroCount, int positiveOffset, long[] positiveCounts,
      int negativeOffset, long[] negativeCounts) {
    this(labels, startEpochNanos, epochNanos, count, sum, min, max, scale, zeroCount,
        positiveOffset, positiveCounts, negativeOffset, negativeCounts, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExponentialHistogramPoint p
        && labels.equals(p.labels)
        && startEpochNanos == p.startEpochNanos
        && epochNanos == p.epochNanos
        && count == p.count
        && Double.compare(sum, p.sum) == 0
        && Double.compare(min, p.min) == 0
        && Double.compare(max, p.max) == 0
        && scale == p.scale
        && zeroCount == p.zeroCount
        && positiveOffset == p.positiveOffset
        && Arrays.equals(positiveCounts, p.positiveCounts)
        && negativeOffset == p.negativeOffset
        && Arrays.equals(negativeCounts, p.negativeCounts)
        && java.util.Objects.equals(classic, p.classic)
        && exemplars.equals(p.exemplars);
  }

  @Override
  public int hashCode() {
    return (labels.hashCode() * 31 + Long.hashCode(count)) * 31 + scale;
  }

  @Override
  public String toString() {
    return "ExponentialHistogramPoint" + labels + " count=" + count + " sum=" + sum + " min="
        + min + " max=" + max + " scale=" + scale + " zero=" + zeroCount + " positive@"
        + positiveOffset + Arrays.toString(positiveCounts) + " negative@" + negativeOffset
        + Arrays.toString(negativeCounts) + (classic == null ? "" : " classic=" + classic)
        + (exemplars.isEmpty() ? "" : " exemplars=" + exemplars);
  }
}
