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
 */
class BridgeCounter implements LongCounter, DoubleCounter {
  /**
   * Increments below 2<sup>{@value}</sup> are those {@code Counter.Series.add(long)} adds on its
   * fast path, which it tests as {@code (amount >>> 32) == 0} (false for a negative amount).
   * Testing a {@code long} increment the same way folds the series' test into the bridge's own
   * once inlined: one test rather than a sign check and then a range check. Were the series'
   * bound another, nothing would be wrong, only that folding lost.
   */
  static final int SMALL_BITS = 32;

  private final KeyedInstrument<Attributes, Counter.Series> instrument;
  private final String name;
  private final Keys keys;

  BridgeCounter(KeyedInstrument<Attributes, Counter.Series> instrument, String name, Keys keys) {
    this.instrument = instrument;
    this.name = name;
    this.keys = keys;
  }

  /** The series of {@code attributes}: one hash lookup once it exists. */
  final Counter.Series series(Attributes attributes) {
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
      dropped(value);
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
    dropped(value);
    return false;
  }

  /** Warns once that {@code value} was dropped. */
  final void dropped(double value) {
    Warnings.once("counter " + name, "counter '" + name + "' was given " + value
        + ": counters only add finite non-negative amounts; such values are dropped (logged"
        + " once)");
  }
}
