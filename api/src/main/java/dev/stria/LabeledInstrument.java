package dev.stria;

import dev.stria.snapshot.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An instrument whose series are looked up by label values. Without label names it has exactly
 * one series, created at registration, which its direct recording methods use.
 *
 * @param <S> the public series type ({@code Counter.Series}, ...)
 */
abstract class LabeledInstrument<S> extends Instrument {
  private final String[] labelNames;
  private final SeriesTable<LabelValues, S> table;
  private final S unlabelled;
  private final Function<S, CollectableSeries> collectable;

  LabeledInstrument(
      InstrumentDescriptor descriptor,
      int cardinalityLimit,
      Function<Labels, S> factory,
      Function<S, CollectableSeries> collectable) {
    super(descriptor);
    this.labelNames = descriptor.labelNames().toArray(new String[0]);
    this.table = new SeriesTable<>(
        descriptor.name(), cardinalityLimit, SeriesTable.OVERFLOW_LABELS, factory);
    this.collectable = collectable;
    this.unlabelled = labelNames.length == 0 ? labels() : null;
  }

  /**
   * The series for these label values, one per label name in order, created on first use. The
   * same values return the same series: look it up once and keep it on hot paths.
   *
   * @throws IllegalArgumentException if the number of values differs from the label names or a
   *     value is null
   */
  public S labels(String... values) {
    checkArity(values);
    LabelValues key = new LabelValues(values);
    S existing = table.find(key);
    return existing != null ? existing : create(key);
  }

  private S create(LabelValues key) {
    for (String value : key.values) {
      if (value == null) {
        throw new IllegalArgumentException(
            "label values of '" + descriptor.name() + "' must not be null: "
                + Arrays.toString(labelNames) + " = " + Arrays.toString(key.values));
      }
    }
    String[] copy = key.values.clone();
    return table.create(new LabelValues(copy), Labels.of(labelNames, copy));
  }

  private void checkArity(String[] values) {
    if (values == null || values.length != labelNames.length) {
      throw new IllegalArgumentException(
          "'" + descriptor.name() + "' has label names " + Arrays.toString(labelNames)
              + " and needs " + labelNames.length + " label values, got "
              + Arrays.toString(values));
    }
  }

  /**
   * Removes the series for these label values, for series that go away (a finished job, a closed
   * connection). What it recorded since the last collection is not exported. A later {@code
   * labels(...)} with the same values starts a new series.
   *
   * @return whether such a series existed
   */
  public boolean remove(String... values) {
    checkArity(values);
    return table.remove(new LabelValues(values));
  }

  /** Removes every labelled series (see {@link #remove(String...)}). */
  public void clear() {
    table.clear();
  }

  /** The single series of an instrument without label names. */
  final S unlabelled() {
    S series = unlabelled;
    if (series == null) {
      throw new IllegalStateException(
          descriptor.kind() + " '" + descriptor.name() + "' has label names "
              + descriptor.labelNames() + ": record through labels(...)");
    }
    return series;
  }

  @Override
  final Iterable<? extends CollectableSeries> collectableSeries() {
    List<CollectableSeries> all = new ArrayList<>(table.size());
    for (S series : table.all()) {
      all.add(collectable.apply(series));
    }
    return all;
  }
}
