package dev.stria;

import dev.stria.snapshot.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An instrument whose series are looked up by label values. Without label names it has exactly
 * one series, created at registration, which its direct recording methods use.
 *
 * @param <S> the public series type ({@code Counter.Series}, ...)
 */
abstract class LabeledInstrument<S> extends Instrument {
  private final LabelValueTable<S> table;
  private final S unlabelled;
  private final Function<S, CollectableSeries> collectable;

  LabeledInstrument(
      InstrumentDescriptor descriptor,
      int cardinalityLimit,
      Function<Labels, S> factory,
      Function<S, CollectableSeries> collectable) {
    super(descriptor);
    String[] labelNames = descriptor.labelNames().toArray(new String[0]);
    this.table = new LabelValueTable<>(descriptor.name(), labelNames, cardinalityLimit, factory);
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
    return table.get(values);
  }

  /**
   * The series for the value of an instrument with one label name: {@link #labels(String...)}
   * without the array, so that looking up an existing series allocates nothing however the
   * caller's code is compiled.
   *
   * @throws IllegalArgumentException if the instrument has other than one label name or the
   *     value is null
   */
  public S labels(String value) {
    return table.get(value);
  }

  /**
   * The series for the values of an instrument with two label names, in order: {@link
   * #labels(String...)} without the array.
   *
   * @throws IllegalArgumentException if the instrument has other than two label names or a value
   *     is null
   */
  public S labels(String first, String second) {
    return table.get(first, second);
  }

  /**
   * The series for the values of an instrument with three label names, in order: {@link
   * #labels(String...)} without the array.
   *
   * @throws IllegalArgumentException if the instrument has other than three label names or a
   *     value is null
   */
  public S labels(String first, String second, String third) {
    return table.get(first, second, third);
  }

  /**
   * Removes the series for these label values, for series that go away (a finished job, a closed
   * connection). What it recorded since the last collection is not exported. A later {@code
   * labels(...)} with the same values starts a new series.
   *
   * @return whether such a series existed
   */
  public boolean remove(String... values) {
    return table.remove(values);
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

  /** The series labelled {@code otel_metric_overflow="true"}, created on first use. */
  final S overflowSeries() {
    return table.overflowSeries();
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
