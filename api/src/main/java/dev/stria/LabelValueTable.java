package dev.stria;

import dev.stria.snapshot.Labels;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The series of an instrument with fixed label names, by label values: the checks a user's values
 * get (one per name, none null) and a {@link SeriesTable} keyed by the values themselves, so that
 * looking up an existing series allocates nothing.
 *
 * <p>Lookups go straight to the table's {@link SeriesIndex} through its label-value methods (no
 * lock, no allocation; the fixed-arity ones take the values as arguments, so not even the
 * caller builds an array); only a miss goes to the table, which creates the series under its
 * lock.
 *
 * @param <S> the series type
 */
final class LabelValueTable<S> {
  private final String instrument;
  private final String[] labelNames;
  /** {@code labelNames.length}, kept here so the lookups' arity check is one load. */
  private final int arity;
  /** The table's index, searched directly; changed only through {@link #table}. */
  private final SeriesIndex<String[], S> index;
  private final SeriesTable<String[], S> table;

  LabelValueTable(String instrument, String[] labelNames, int limit,
      Function<Labels, S> factory) {
    this.instrument = instrument;
    this.labelNames = labelNames;
    this.arity = labelNames.length;
    this.index = new SeriesIndex<>(SeriesIndex.LABEL_VALUES);
    this.table = new SeriesTable<>(instrument, limit, SeriesTable.OVERFLOW_LABELS, factory, index);
  }

  /**
   * The series for {@code values}, created on first use; the overflow series past the limit.
   *
   * @throws IllegalArgumentException if the number of values differs from the label names or a
   *     value is null
   */
  S get(String... values) {
    checkArity(values);
    S existing = index.getValues(values);
    return existing != null ? existing : missing(values);
  }

  /** {@link #get(String...)} for one value, without an array unless the series is new. */
  S get(String a) {
    if (arity != 1 || a == null) {
      return get(new String[] {a}); // the arity or null error
    }
    S existing = index.getValues(a);
    if (existing != null) {
      return existing;
    }
    S full = table.overflowIfFull();
    return full != null ? full : create(new String[] {a});
  }

  /** {@link #get(String...)} for two values, without an array unless the series is new. */
  S get(String a, String b) {
    if (arity != 2 || a == null || b == null) {
      return get(new String[] {a, b});
    }
    S existing = index.getValues(a, b);
    if (existing != null) {
      return existing;
    }
    S full = table.overflowIfFull();
    return full != null ? full : create(new String[] {a, b});
  }

  /** {@link #get(String...)} for three values, without an array unless the series is new. */
  S get(String a, String b, String c) {
    if (arity != 3 || a == null || b == null || c == null) {
      return get(new String[] {a, b, c});
    }
    S existing = index.getValues(a, b, c);
    if (existing != null) {
      return existing;
    }
    S full = table.overflowIfFull();
    return full != null ? full : create(new String[] {a, b, c});
  }

  /** The series for {@code values} (the caller's array, of the right length) not in the index. */
  private S missing(String[] values) {
    checkNotNull(values);
    S full = table.overflowIfFull();
    return full != null ? full : create(values.clone()); // the caller may reuse its array
  }

  /**
   * Creates the series for {@code values}: an array of the right length, without nulls, that no
   * one else holds.
   */
  private S create(String[] values) {
    return table.create(values, Labels.of(labelNames, values));
  }

  private void checkNotNull(String[] values) {
    for (String value : values) {
      if (value == null) {
        throw new IllegalArgumentException(
            "label values of '" + instrument + "' must not be null: "
                + Arrays.toString(labelNames) + " = " + Arrays.toString(values));
      }
    }
  }

  /** Removes the series for {@code values}; returns whether there was one. */
  boolean remove(String... values) {
    checkArity(values);
    return table.remove(values);
  }

  void clear() {
    table.clear();
  }

  /** The series labelled {@code otel_metric_overflow="true"}, created on first use. */
  S overflowSeries() {
    return table.overflowSeries();
  }

  /** Every series, the overflow series last. */
  Iterable<S> all() {
    return table.all();
  }

  int size() {
    return table.size();
  }

  private void checkArity(String[] values) {
    if (values == null || values.length != arity) {
      throw new IllegalArgumentException(
          "'" + instrument + "' has label names " + Arrays.toString(labelNames) + " and needs "
              + arity + " label values, got " + Arrays.toString(values));
    }
  }
}
