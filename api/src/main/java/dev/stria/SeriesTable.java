package dev.stria;

import dev.stria.snapshot.Labels;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The series of one instrument, by label values, with the cardinality limit.
 *
 * <p>Lookups of existing series take no lock and allocate nothing ({@link SeriesIndex}). A new
 * label set is created once (concurrent callers get the same series). Once the table holds {@code
 * limit}
 * series, further label sets share one overflow series labelled {@code
 * otel_metric_overflow="true"}, so memory stays bounded and no recording is dropped; one warning
 * is logged per instrument.
 *
 * @param <S> the instrument's series type
 */
final class SeriesTable<S> {
  static final String OVERFLOW_LABEL = "otel_metric_overflow";

  private static final System.Logger LOG = System.getLogger(SeriesTable.class.getName());

  private final String instrument;
  private final String[] labelNames;
  private final int limit;
  private final Function<Labels, S> factory;
  /** Changed under this table's lock; read without one. */
  private final SeriesIndex<S> series = new SeriesIndex<>();
  private volatile S overflow;
  private volatile boolean overflowLogged;

  SeriesTable(String instrument, String[] labelNames, int limit, Function<Labels, S> factory) {
    this.instrument = instrument;
    this.labelNames = labelNames;
    this.limit = limit;
    this.factory = factory;
  }

  /** The series for {@code values}, created on first use; the overflow series past the limit. */
  S get(String... values) {
    checkArity(values);
    S existing = series.get(values);
    return existing != null ? existing : create(values);
  }

  private S create(String[] values) {
    for (String value : values) {
      if (value == null) {
        throw new IllegalArgumentException(
            "label values of '" + instrument + "' must not be null: "
                + Arrays.toString(labelNames) + " = " + Arrays.toString(values));
      }
    }
    synchronized (this) {
      S existing = series.get(values);
      if (existing != null) {
        return existing;
      }
      if (series.size() >= limit) {
        return overflow();
      }
      String[] copy = values.clone(); // the caller may reuse its array
      S created = factory.apply(Labels.of(labelNames, copy));
      series.put(copy, created);
      return created;
    }
  }

  private S overflow() {
    S current = overflowSeries();
    if (!overflowLogged) {
      overflowLogged = true;
      LOG.log(
          Level.WARNING,
          "instrument ''{0}'' reached its cardinality limit of {1} series; further label sets"
              + " are recorded into one series labelled {2}=\"true\"",
          instrument, limit, OVERFLOW_LABEL);
    }
    return current;
  }

  /**
   * The overflow series, created on first use: also for a composite instrument (an operation)
   * whose own table reached its limit and records into this one's overflow series.
   */
  synchronized S overflowSeries() {
    S current = overflow;
    if (current == null) {
      current = factory.apply(Labels.of(OVERFLOW_LABEL, "true"));
      overflow = current;
    }
    return current;
  }

  /** Removes the series for {@code values}; returns whether there was one. */
  synchronized boolean remove(String... values) {
    checkArity(values);
    return series.remove(values);
  }

  synchronized void clear() {
    series.clear();
  }

  /** Every series, the overflow series last. */
  Iterable<S> all() {
    List<S> all = series.values();
    S current = overflow;
    if (current != null) {
      all.add(current);
    }
    return all;
  }

  int size() {
    return series.size() + (overflow == null ? 0 : 1);
  }

  private void checkArity(String[] values) {
    if (values == null || values.length != labelNames.length) {
      throw new IllegalArgumentException(
          "'" + instrument + "' has label names " + Arrays.toString(labelNames) + " and needs "
              + labelNames.length + " label values, got " + Arrays.toString(values));
    }
  }
}
