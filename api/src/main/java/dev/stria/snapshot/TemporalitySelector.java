package dev.stria.snapshot;

/**
 * Chooses a temporality per instrument kind, as OpenTelemetry's temporality preferences do
 * ({@code lowmemory}: delta for counters and histograms, cumulative for up-down counters and for
 * counters read from a callback).
 */
@FunctionalInterface
public interface TemporalitySelector {
  /**
   * The temporality of a recorded instrument of {@code type}. A reader asks once per kind when it
   * is created ({@code MeterRegistry.newReader}); it must answer, not throw, for every kind.
   */
  Temporality temporalityFor(MetricType type);

  /**
   * The temporality of an instrument whose value is read from a callback at collection time
   * (OpenTelemetry's asynchronous instruments, Stria's {@code counter(..).callback(..)}).
   * OpenTelemetry lets a preference treat these apart from recorded ones: {@code lowmemory}
   * reports recorded counters as deltas but callback counters cumulatively, since a delta of a
   * callback total costs the reader a remembered total per series. By default the same as {@link
   * #temporalityFor}.
   */
  default Temporality temporalityForCallback(MetricType type) {
    return temporalityFor(type);
  }

  /** Every instrument kind gets {@code temporality}. */
  static TemporalitySelector always(Temporality temporality) {
    if (temporality == null) {
      throw new IllegalArgumentException("temporality must not be null");
    }
    return type -> temporality;
  }
}
