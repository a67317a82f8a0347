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
   * The one place a finished call is recorded, with its duration and series at hand: where an
   * exemplar of the current span will be offered (issue 13, "Exemplars").
   */
  void record(long nanos) {
    calls.inc();
    duration.recordNanos(nanos);
  }
}
