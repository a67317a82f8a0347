package dev.stria;

/** The calls counter and duration histogram series of one status of an {@link Operation}. */
final class CallOutcome {
  private final Counter.Series calls;
  private final Histogram.Series duration;

  CallOutcome(Counter.Series calls, Histogram.Series duration) {
    this.calls = calls;
    this.duration = duration;
  }

  /**
   * The one place a finished call is recorded, with its duration and series at hand: both offer
   * the current span as an exemplar, stamped with the call's end ({@code endNanoTime}, the clock
   * read the duration came from: no second read).
   */
  void record(long nanos, long endNanoTime) {
    calls.inc(endNanoTime);
    duration.recordNanos(nanos, endNanoTime);
  }
}
