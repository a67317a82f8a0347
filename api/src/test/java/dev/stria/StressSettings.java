package dev.stria;

/**
 * How long stress tests run: a couple of seconds in {@code mvn verify}, longer by hand with
 * {@code -Dstria.stress.seconds=60}.
 */
final class StressSettings {
  private StressSettings() {}

  /** The run time in nanoseconds: {@code stria.stress.seconds}, or {@code defaultSeconds}. */
  static long nanos(double defaultSeconds) {
    String configured = System.getProperty("stria.stress.seconds");
    double seconds = configured == null ? defaultSeconds : Double.parseDouble(configured);
    return (long) (seconds * 1e9);
  }
}
