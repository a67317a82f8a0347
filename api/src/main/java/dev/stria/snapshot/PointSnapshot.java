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
  /** The point's labels. */
  Labels labels();

  /** The start of the interval the point covers, in nanoseconds since the epoch. */
  long startEpochNanos();

  /** When the point was collected, in nanoseconds since the epoch. */
  long epochNanos();
}
