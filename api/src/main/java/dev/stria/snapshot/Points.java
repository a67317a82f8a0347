package dev.stria.snapshot;

import java.util.Arrays;
import java.util.List;

/** Checks and copies shared by the point records' constructors. */
final class Points {
  /** The bounds the latest {@link #bounds} call kept; volatile, as points are built on any thread. */
  private static volatile double[] lastBounds = new double[0];

  private Points() {}

  /**
   * The bounds a histogram point keeps: a copy, or the previous point's copy when its bounds were
   * equal. The series of one histogram share their bounds and are collected one after another, so
   * a collection copies each histogram's bounds once, not once per series: 10,000 series with 11
   * bounds made 1.1 MB of copies per collection before (a Prometheus scrape's collection allocated
   * 8.4 MB in all). A point's arrays must not be modified (see {@link HistogramPoint}), so points
   * sharing one cannot tell.
   */
  static double[] bounds(double[] bounds) {
    double[] last = lastBounds;
    if (Arrays.equals(bounds, last)) {
      return last;
    }
    double[] copy = bounds.clone();
    lastBounds = copy;
    return copy;
  }

  static void requireLabels(Labels labels) {
    if (labels == null) {
      throw new IllegalArgumentException("a point's labels must not be null (use Labels.empty())");
    }
  }

  /** An immutable copy; null is none. */
  static List<Exemplar> exemplars(List<Exemplar> exemplars) {
    return exemplars == null ? List.of() : List.copyOf(exemplars);
  }

  static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
