package dev.stria.otlp;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.PointSnapshot;

/**
 * Adds two delta points of the same series: the older one (held back after a failed export) and
 * the newer one (just collected). The result spans both intervals — the older start, the newer
 * end — and counts everything either counted, so a receiver that missed the older export still
 * gets exact totals.
 *
 * <p>Histograms add bucket by bucket. Explicit histograms must share their bounds (a registry
 * keeps an instrument's bounds fixed); if they do not, null is returned and the caller keeps the
 * newer point and counts the older as dropped. Exponential histograms are first brought to the
 * smaller of the two scales (an index {@code i} at scale {@code s} is {@code i >> d} at scale
 * {@code s - d}), then reduced further while the merged range is wider than {@link #MAX_BUCKETS},
 * which keeps a long outage from growing them without bound.
 */
final class DeltaMerge {
  static final int MAX_BUCKETS = 160;

  private DeltaMerge() {}

  static PointSnapshot merge(PointSnapshot older, PointSnapshot newer) {
    long start = Math.min(older.startEpochNanos(), newer.startEpochNanos());
    long end = Math.max(older.epochNanos(), newer.epochNanos());
    if (older instanceof CounterPoint a && newer instanceof CounterPoint b) {
      return new CounterPoint(b.labels(), start, end, a.value() + b.value());
    }
    if (older instanceof GaugePoint && newer instanceof GaugePoint b) {
      return b;
    }
    if (older instanceof HistogramPoint a && newer instanceof HistogramPoint b) {
      if (!java.util.Arrays.equals(a.bounds(), b.bounds())) {
        return null;
      }
      long[] counts = a.bucketCounts().clone();
      for (int i = 0; i < counts.length; i++) {
        counts[i] += b.bucketCounts()[i];
      }
      return new HistogramPoint(b.labels(), start, end, a.count() + b.count(), a.sum() + b.sum(),
          min(a.min(), b.min()), max(a.max(), b.max()), b.bounds(), counts);
    }
    if (older instanceof ExponentialHistogramPoint a
        && newer instanceof ExponentialHistogramPoint b) {
      return mergeExponential(a, b, start, end);
    }
    return null;
  }

  private static ExponentialHistogramPoint mergeExponential(ExponentialHistogramPoint a,
      ExponentialHistogramPoint b, long start, long end) {
    int scale = Math.min(a.scale(), b.scale());
    while (true) {
      Range positive = Range.of(a.positiveOffset(), a.positiveCounts(), a.scale() - scale)
          .union(Range.of(b.positiveOffset(), b.positiveCounts(), b.scale() - scale));
      Range negative = Range.of(a.negativeOffset(), a.negativeCounts(), a.scale() - scale)
          .union(Range.of(b.negativeOffset(), b.negativeCounts(), b.scale() - scale));
      if (positive.size() <= MAX_BUCKETS && negative.size() <= MAX_BUCKETS) {
        long[] pos = new long[positive.size()];
        long[] neg = new long[negative.size()];
        add(pos, positive.low, a.positiveOffset(), a.positiveCounts(), a.scale() - scale);
        add(pos, positive.low, b.positiveOffset(), b.positiveCounts(), b.scale() - scale);
        add(neg, negative.low, a.negativeOffset(), a.negativeCounts(), a.scale() - scale);
        add(neg, negative.low, b.negativeOffset(), b.negativeCounts(), b.scale() - scale);
        return new ExponentialHistogramPoint(b.labels(), start, end, a.count() + b.count(),
            a.sum() + b.sum(), min(a.min(), b.min()), max(a.max(), b.max()), scale,
            a.zeroCount() + b.zeroCount(), pos.length == 0 ? 0 : positive.low, pos,
            neg.length == 0 ? 0 : negative.low, neg);
      }
      scale--;
    }
  }

  private static void add(long[] into, int low, int offset, long[] counts, int shift) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        into[((offset + i) >> shift) - low] += counts[i];
      }
    }
  }

  /** The index range [low, high] of non-empty buckets after a downscale by {@code shift}. */
  private record Range(int low, int high) {
    static final Range EMPTY = new Range(Integer.MAX_VALUE, Integer.MIN_VALUE);

    static Range of(int offset, long[] counts, int shift) {
      int first = -1;
      int last = -1;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0) {
          last = i;
          if (first < 0) {
            first = i;
          }
        }
      }
      return first < 0 ? EMPTY : new Range((offset + first) >> shift, (offset + last) >> shift);
    }

    Range union(Range o) {
      return new Range(Math.min(low, o.low), Math.max(high, o.high));
    }

    int size() {
      return high < low ? 0 : high - low + 1;
    }
  }

  private static double min(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }
}
