package dev.stria;

/**
 * What one nanosecond is worth in a histogram's unit, so that timers record elapsed time in the
 * unit the histogram was registered with.
 */
final class TimeUnits {
  private TimeUnits() {}

  /** Nanoseconds to the unit, or NaN when the unit is not a time unit. */
  static double nanosecondValue(String unit) {
    switch (unit) {
      case "":
      case "s":
        return 1e-9;
      case "ms":
        return 1e-6;
      case "us":
        return 1e-3;
      case "ns":
        return 1;
      case "min":
        return 1e-9 / 60;
      case "h":
        return 1e-9 / 3600;
      default:
        return Double.NaN;
    }
  }
}
