package dev.stria.snapshot;

import java.util.List;

/** Checks shared by the point records' constructors. */
final class Points {
  private Points() {}

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
