package dev.stria.snapshot;

/** The kind of instrument a {@link MetricSnapshot} comes from, which decides its point type. */
public enum MetricType {
  /** A monotonic sum; points are {@link CounterPoint}s. */
  COUNTER,
  /** A sum that may go down; points are {@link CounterPoint}s. */
  UP_DOWN_COUNTER,
  /** A last value; points are {@link GaugePoint}s. */
  GAUGE,
  /** A histogram with explicit bucket bounds; points are {@link HistogramPoint}s. */
  HISTOGRAM,
  /** A base-2 exponential histogram; points are {@link ExponentialHistogramPoint}s. */
  EXPONENTIAL_HISTOGRAM;

  /** Whether points of this type are sums that a delta reader reports as differences. */
  public boolean isSum() {
    return this == COUNTER || this == UP_DOWN_COUNTER;
  }
}
