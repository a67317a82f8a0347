package dev.stria.opentelemetry;

import dev.stria.Counter;
import dev.stria.KeyedInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.context.Context;

/**
 * An OpenTelemetry counter (long or double) recording into Stria counter series, one per
 * attribute set. A negative or non-finite increment is dropped with one warning, as the SDK does.
 * The {@code Context} is accepted and not used yet (exemplars will read the span from it).
 */
final class BridgeCounter implements LongCounter, DoubleCounter {
  private final KeyedInstrument<Attributes, Counter.Series> instrument;
  private final String name;

  BridgeCounter(KeyedInstrument<Attributes, Counter.Series> instrument, String name) {
    this.instrument = instrument;
    this.name = name;
  }

  @Override
  public void add(long value) {
    add(value, Attributes.empty());
  }

  @Override
  public void add(long value, Attributes attributes) {
    if (value < 0) {
      dropped(value);
      return;
    }
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
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      dropped(value);
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

  private void dropped(double value) {
    Warnings.once("counter " + name, "counter '" + name + "' was given " + value
        + ": counters only add finite non-negative amounts; such values are dropped (logged"
        + " once)");
  }
}
