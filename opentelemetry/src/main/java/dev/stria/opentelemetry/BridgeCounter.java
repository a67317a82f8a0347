package dev.stria.opentelemetry;

import dev.stria.Counter;
import dev.stria.KeyedInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * An OpenTelemetry counter (long or double) recording into Stria counter series, one per
 * attribute set. A negative or non-finite increment is dropped with one warning, as the SDK does.
 * The {@code Context} is accepted and not used yet (exemplars will read the span from it). Not
 * final: with the incubator present, {@link IncubatingInstruments} adds {@code bind}.
 *
 * @param <S> the series type: Stria's own, or with the incubator present, {@link
 *     BoundCounterSeries}
 */
class BridgeCounter<S extends Counter.Series> implements LongCounter, DoubleCounter {
  /**
   * Increments below 2<sup>{@value}</sup> are those {@code Counter.Series.add(long)} adds on its
   * fast path, which it tests as {@code (amount >>> 32) == 0} (false for a negative amount).
   * Testing a {@code long} increment the same way folds the series' test into the bridge's own
   * once inlined: one test rather than a sign check and then a range check. Were the series'
   * bound another, nothing would be wrong, only that folding lost.
   */
  static final int SMALL_BITS = 32;

  private final KeyedInstrument<Attributes, S> instrument;
  private final String name;
  private final Keys keys;

  BridgeCounter(KeyedInstrument<Attributes, S> instrument, String name, Keys keys) {
    this.instrument = instrument;
    this.name = name;
    this.keys = keys;
  }

  /** The series of {@code attributes}: one hash lookup once it exists. */
  final S series(Attributes attributes) {
    return instrument.series(keys.of(attributes));
  }

  @Override
  public void add(long value) {
    add(value, Attributes.empty());
  }

  @Override
  public void add(long value, Attributes attributes) {
    if ((value >>> SMALL_BITS) == 0) {
      series(attributes).add(value); // the series' identical first test is folded into this one
    } else if (value > 0) {
      series(attributes).add(value); // a large whole increment, which the series keeps as a double
    } else {
      dropped(name, value); // before the lookup: a dropped value creates no series
    }
  }

  @Override
  public void add(long value, Attributes attributes, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      add(value, attributes);
    } finally {
      InContext.exit(scope);
    }
  }

  @Override
  public void add(double value) {
    add(value, Attributes.empty());
  }

  @Override
  public void add(double value, Attributes attributes) {
    if (accepts(value)) {
      series(attributes).add(value);
    }
  }

  @Override
  public void add(double value, Attributes attributes, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      add(value, attributes);
    } finally {
      InContext.exit(scope);
    }
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  /** Whether {@code value} may be added; warns once if not. */
  final boolean accepts(double value) {
    if (value >= 0 && value != Double.POSITIVE_INFINITY) {
      return true;
    }
    dropped(name, value);
    return false;
  }

  /** Warns once that counter {@code name} was given {@code value}, dropped. */
  static void dropped(String name, double value) {
    Warnings.once("counter " + name, "counter '" + name + "' was given " + value
        + ": counters only add finite non-negative amounts; such values are dropped (logged"
        + " once)");
  }
}
