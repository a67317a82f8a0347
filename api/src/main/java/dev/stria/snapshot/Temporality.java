package dev.stria.snapshot;

/**
 * How the points of a sum or histogram relate to earlier collections.
 *
 * <ul>
 *   <li>{@link #CUMULATIVE}: each point holds everything recorded since the series started.
 *   <li>{@link #DELTA}: each point holds what was recorded since the reader's previous
 *       collection; series with nothing new are omitted.
 * </ul>
 *
 * Gauges report their current value under either temporality.
 */
public enum Temporality {
  /** Totals since the series' start. */
  CUMULATIVE,
  /** What changed since the reader's previous collection. */
  DELTA
}
