package dev.stria.opentelemetry;

import dev.stria.KeyedInstrument;
import dev.stria.UpDownCounter;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.context.Context;

/**
 * An OpenTelemetry up-down counter (long or double) recording into Stria up-down counter series,
 * one per attribute set. A non-finite amount is dropped with one warning. The {@code Context} is
 * accepted and not used yet. Not final: see {@link IncubatingInstruments}.
 *
 * @param <S> the series type: Stria's own, or with the incubator present, {@link
 *     BoundUpDownCounterSeries}
 */
class BridgeUpDownCounter<S extends UpDownCounter.Series>
    implements LongUpDownCounter, DoubleUpDownCounter {
  private final KeyedInstrument<Attributes, S> instrument;
  private final String name;
  private final Keys keys;

  BridgeUpDownCounter(KeyedInstrument<Attributes, S> instrument, String name, Keys keys) {
    this.instrument = instrument;
    this.name = name;
    this.keys = keys;
  }

  /** The series of {@code attributes}: one hash lookup once it exists. */
  final S series(Attributes attributes) {
    return instrument.series(keys.of(attributes));
  }

  /** Whether {@code value} may be added; warns once if not. */
  final boolean accepts(double value) {
    if (Double.isFinite(value)) {
      return true;
    }
    dropped(name, value);
    return false;
  }

  /** Warns once that up-down counter {@code name} was given {@code value}, dropped. */
  static void dropped(String name, double value) {
    Warnings.once("up-down counter " + name, "up-down counter '" + name + "' was given "
        + value + ": only finite amounts are added; such values are dropped (logged once)");
  }

  @Override
  public void add(long value) {
    add(value, Attributes.empty());
  }

  @Override
  public void add(long value, Attributes attributes) {
    series(attributes).add(value);
  }

  @Override
  public void add(long value, Attributes attributes, Context context) {
    add(value, attributes);
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
    add(value, attributes);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }
}
