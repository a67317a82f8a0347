package dev.stria;

/**
 * Times a block of code into a histogram, in the histogram's unit ({@code s} by default; {@code
 * ms}, {@code us}, {@code ns}, {@code min} and {@code h} are honoured). The elapsed time is
 * recorded when the timer is closed, also when the block throws.
 *
 * <pre>{@code
 * try (Timer t = latency.labels("/orders").startTimer()) {
 *   handle();
 * }
 * }</pre>
 *
 * <p>A timer used this way allocates nothing once JIT-compiled: escape analysis removes the timer
 * object (JMH {@code -prof gc}: 0 B/op). Keep the try block's timer in a local variable for that.
 * Elapsed time comes from {@link System#nanoTime()}. Closing a timer twice records twice.
 */
public final class Timer implements AutoCloseable {
  private final Histogram.Series series;
  private final long startNanos;

  Timer(Histogram.Series series, long startNanos) {
    this.series = series;
    this.startNanos = startNanos;
  }

  /** Nanoseconds since the timer started. */
  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** Records the elapsed time into the histogram. */
  @Override
  public void close() {
    long end = System.nanoTime();
    series.recordNanos(end - startNanos, end);
  }
}
