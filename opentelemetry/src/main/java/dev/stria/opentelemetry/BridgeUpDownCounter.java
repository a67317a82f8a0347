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
 * accepted and not used yet.
 */
final class BridgeUpDownCounter implements LongUpDownCounter, DoubleUpDownCounter {
  private final KeyedInstrument<Attributes, UpDownCounter.Series> instrument;
  private final String name;

  BridgeUpDownCounter(KeyedInstrument<Attributes, UpDownCounter.Series> instrument, String name) {
    this.instrument = instrument;
    this.name = name;
  }

  @Override
  public void add(long value) {
    add(value, Attributes.empty());
  }

  @Override
  public void add(long value, Attributes attributes) {
    instrument.series(Keys.of(attributes)).add(value);
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
    if (!Double.isFinite(value)) {
      Warnings.once("up-down counter " + name, "up-down counter '" + name + "' was given "
          + value + ": only finite amounts are added; such values are dropped (logged once)");
      return;
    }
    instrument.series(Keys.of(attributes)).add(value);
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
