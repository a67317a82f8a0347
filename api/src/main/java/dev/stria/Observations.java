package dev.stria;

/**
 * Where a callback instrument reports its values at collection time, one value per series.
 *
 * <pre>{@code
 * registry.gauge("db.pool.connections").labelNames("pool", "state")
 *     .callback(out -> {
 *       for (ConnectionPool pool : pools) {
 *         out.record(pool.idle(), pool.name(), "idle");
 *         out.record(pool.inUse(), pool.name(), "used");
 *       }
 *     });
 * }</pre>
 *
 * <p>Each call reports one series: the label values, one per label name of the instrument and in
 * the same order, and its value — a gauge's current value, a counter's monotonic total or an
 * up-down counter's current sum. A series not reported in a collection is absent from that
 * collection. Reporting the same label values twice in one collection keeps the last value.
 *
 * <p>A call with the wrong number of label values, a null label value, a NaN value, or an
 * infinite counter or up-down counter value is skipped (the rest of the collection goes on) and
 * logged once per instrument. Past the instrument's cardinality limit, further label sets in one
 * collection are folded into one series labelled {@code otel_metric_overflow="true"} (sums add up,
 * a gauge keeps the last value).
 *
 * <p>An {@code Observations} is valid only while the callback that received it runs, on the
 * thread that called the callback; calls after the callback returned are ignored.
 */
public interface Observations {

  /** Reports {@code value} for the series with {@code labelValues}. */
  void record(double value, String... labelValues);

  /**
   * Reports {@code value} for the series with {@code labelValues}. Values past 2<sup>53</sup> are
   * exported as the nearest double.
   */
  void record(long value, String... labelValues);
}
