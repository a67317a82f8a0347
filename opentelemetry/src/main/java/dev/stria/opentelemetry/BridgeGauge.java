package dev.stria.opentelemetry;

import dev.stria.Gauge;
import dev.stria.KeyedInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.context.Context;

/**
 * An OpenTelemetry synchronous gauge (long or double) setting Stria gauge series, one per
 * attribute set: the last value set is reported. The {@code Context} is accepted and not used
 * yet. Not final: see {@link IncubatingInstruments}.
 *
 * @param <S> the series type: Stria's own, or with the incubator present, {@link
 *     BoundGaugeSeries}
 */
class BridgeGauge<S extends Gauge.Series> implements LongGauge, DoubleGauge {
  private final KeyedInstrument<Attributes, S> instrument;

  private final Keys keys;

  BridgeGauge(KeyedInstrument<Attributes, S> instrument, Keys keys) {
    this.instrument = instrument;
    this.keys = keys;
  }

  /** The series of {@code attributes}: one hash lookup once it exists. */
  final S series(Attributes attributes) {
    return instrument.series(keys.of(attributes));
  }

  @Override
  public void set(long value) {
    set((double) value, Attributes.empty());
  }

  @Override
  public void set(long value, Attributes attributes) {
    set((double) value, attributes);
  }

  @Override
  public void set(long value, Attributes attributes, Context context) {
    set((double) value, attributes);
  }

  @Override
  public void set(double value) {
    set(value, Attributes.empty());
  }

  @Override
  public void set(double value, Attributes attributes) {
    series(attributes).set(value);
  }

  @Override
  public void set(double value, Attributes attributes, Context context) {
    set(value, attributes);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }
}
