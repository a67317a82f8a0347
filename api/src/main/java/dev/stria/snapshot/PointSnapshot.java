package dev.stria.snapshot;

/**
 * One series' data at one collection.
 *
 * <p>{@code startEpochNanos} is when the series started (cumulative) or the reader's previous
 * collection (delta); {@code epochNanos} is the collection time. Both are nanoseconds since the
 * Unix epoch.
 */
public sealed interface PointSnapshot
    permits CounterPoint, GaugePoint, HistogramPoint, ExponentialHistogramPoint {
  Labels labels();

  long startEpochNanos();

  long epochNanos();
}
