package dev.stria.snapshot;

/**
 * Chooses a temporality per instrument kind, as OpenTelemetry's temporality preferences do
 * ({@code lowmemory}: delta for counters and histograms, cumulative for up-down counters).
 */
@FunctionalInterface
public interface TemporalitySelector {
  Temporality temporalityFor(MetricType type);

  /** Every instrument kind gets {@code temporality}. */
  static TemporalitySelector always(Temporality temporality) {
    if (temporality == null) {
      throw new IllegalArgumentException("temporality must not be null");
    }
    return type -> temporality;
  }
}
