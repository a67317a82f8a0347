package dev.stria;

import dev.stria.snapshot.Labels;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The series of an instrument with fixed label names, by label values: the checks a user's values
 * get (one per name, none null) and a {@link SeriesTable} keyed by the values themselves, so that
 * looking up an existing series allocates nothing.
 *
 * @param <S> the series type
 */
final class LabelValueTable<S> {
  private final String instrument;
  private final String[] labelNames;
  private final SeriesTable<String[], S> table;

  LabelValueTable(String instrument, String[] labelNames, int limit,
      Function<Labels, S> factory) {
    this.instrument = instrument;
    this.labelNames = labelNames;
    this.table = new SeriesTable<>(instrument, limit, SeriesTable.OVERFLOW_LABELS, factory,
        SeriesIndex.LABEL_VALUES);
  }

  /**
   * The series for {@code values}, created on first use; the overflow series past the limit.
   *
   * @throws IllegalArgumentException if the number of values differs from the label names or a
   *     value is null
   */
  S get(String... values) {
    checkArity(values);
    S existing = table.find(values);
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
    String[] copy = values.clone(); // the caller may reuse its array
    return table.create(copy, Labels.of(labelNames, copy));
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
    if (values == null || values.length != labelNames.length) {
      throw new IllegalArgumentException(
          "'" + instrument + "' has label names " + Arrays.toString(labelNames) + " and needs "
              + labelNames.length + " label values, got " + Arrays.toString(values));
    }
  }
}
