package dev.stria.snapshot;

/** Checks shared by the point records' constructors. */
final class Points {
  private Points() {}

  static void requireLabels(Labels labels) {
    if (labels == null) {
      throw new IllegalArgumentException("a point's labels must not be null (use Labels.empty())");
    }
  }

  static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
