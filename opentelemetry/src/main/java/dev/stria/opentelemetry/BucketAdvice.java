package dev.stria.opentelemetry;

import java.util.List;

/**
 * {@code setExplicitBucketBoundariesAdvice}: finite, strictly increasing bounds replace the
 * default; any other advice is warned about once and ignored, as the SDK does.
 */
final class BucketAdvice {
  private BucketAdvice() {}

  static double[] bounds(String instrument, List<Double> advice, double[] current) {
    String problem = problem(advice);
    if (problem != null) {
      Warnings.once("advice " + instrument, "bucket boundaries advice " + advice
          + " of histogram '" + instrument + "' is ignored: " + problem);
      return current;
    }
    double[] bounds = new double[advice.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = advice.get(i);
    }
    return bounds;
  }

  private static String problem(List<Double> advice) {
    if (advice == null) {
      return "it is null";
    }
    for (int i = 0; i < advice.size(); i++) {
      Double bound = advice.get(i);
      if (bound == null || !Double.isFinite(bound)) {
        return "bound " + bound + " is not a finite number";
      }
      if (i > 0 && !(bound > advice.get(i - 1))) {
        return "bounds must increase strictly, " + bound + " follows " + advice.get(i - 1);
      }
    }
    return null;
  }
}
