package dev.stria;

/**
 * Where a bridge's callback instrument (see {@link ScopedInstruments#callback}) reports its values
 * at collection time, one value per series key. The rules of {@link Observations} hold: a series
 * not reported is absent, the last value of a key wins, a NaN value (or an infinite sum) and a
 * null key are skipped and logged once, keys past the cardinality limit fold into the overflow
 * series, and calls after the callback returned are ignored.
 *
 * <p>Part of the SPI for bridges from other metric APIs; application code uses {@link
 * Observations}.
 *
 * @param <K> the key of a series, as the instrument's {@code labelsOf} function reads it
 */
public interface KeyedObservations<K> {
  /** Reports {@code value} for the series of {@code key}. */
  void recordKeyed(double value, K key);
}
