package dev.stria;

import dev.stria.snapshot.Labels;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Function;

/**
 * The series of one instrument, by key, with the cardinality limit.
 *
 * <p>The key is whatever identifies a series to its instrument: the label values of Stria's own
 * instruments ({@link LabelValueTable}), a bridge's full attribute set ({@link KeyedInstrument}).
 * Lookups of existing series take no lock and allocate nothing ({@link SeriesIndex}). A new key
 * is created once (concurrent callers get the same series). Once the table holds {@code limit}
 * series, further keys share one overflow series labelled {@code overflowLabels} (Stria's
 * instruments: {@code otel_metric_overflow="true"}), so memory stays bounded and no recording is
 * dropped; one warning is logged per instrument.
 *
 * @param <K> the key of a series
 * @param <S> the instrument's series type
 */
final class SeriesTable<K, S> {
  static final String OVERFLOW_LABEL = "otel_metric_overflow";
  static final Labels OVERFLOW_LABELS = Labels.of(OVERFLOW_LABEL, "true");

  private static final System.Logger LOG = System.getLogger(SeriesTable.class.getName());

  private final String instrument;
  private final int limit;
  private final Labels overflowLabels;
  private final Function<Labels, S> factory;
  /** Changed under this table's lock; read without one. */
  private final SeriesIndex<K, S> series;
  private volatile S overflow;
  private volatile boolean overflowLogged;

  SeriesTable(String instrument, int limit, Labels overflowLabels, Function<Labels, S> factory,
      SeriesIndex.Keying<K> keying) {
    this(instrument, limit, overflowLabels, factory, new SeriesIndex<>(keying));
  }

  /**
   * A table over {@code series}, which the caller may also search itself (lookups need no lock:
   * {@link LabelValueTable} uses the index's label-value lookups) but must change only through
   * this table.
   */
  SeriesTable(String instrument, int limit, Labels overflowLabels, Function<Labels, S> factory,
      SeriesIndex<K, S> series) {
    this.instrument = instrument;
    this.limit = limit;
    this.overflowLabels = overflowLabels;
    this.factory = factory;
    this.series = series;
  }

  /** The series for {@code key}, or null when there is none yet: no lock, no allocation. */
  S find(K key) {
    return series.get(key);
  }

  /**
   * The overflow series if the table is full and that series exists, else null: no lock, nothing
   * allocated. Callers ask on a miss, before building a key and labels, so that recording with
   * keys past the limit costs what recording with an existing key costs, not a lock and an
   * allocation per call. The size is read racily: a table that has just filled up or shrunk is
   * seen a moment late, as if the recording had come a moment earlier.
   */
  S overflowIfFull() {
    S current = overflow;
    return current != null && series.size() >= limit ? current : null;
  }

  /**
   * The series for {@code key} (which must not change afterwards), created with {@code labels}
   * unless a concurrent caller created it first; the overflow series past the limit.
   */
  synchronized S create(K key, Labels labels) {
    S existing = series.get(key);
    if (existing != null) {
      return existing;
    }
    if (series.size() >= limit) {
      return overflow();
    }
    S created = factory.apply(labels);
    series.put(key, created);
    return created;
  }

  private S overflow() {
    S current = overflowSeries();
    if (!overflowLogged) {
      overflowLogged = true;
      LOG.log(
          Level.WARNING,
          "instrument ''{0}'' reached its cardinality limit of {1} series; further label sets"
              + " are recorded into one series labelled {2}",
          instrument, limit, overflowLabels);
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
      current = factory.apply(overflowLabels);
      overflow = current;
    }
    return current;
  }

  /** Removes the series for {@code key}; returns whether there was one. */
  synchronized boolean remove(K key) {
    return series.remove(key);
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
}
