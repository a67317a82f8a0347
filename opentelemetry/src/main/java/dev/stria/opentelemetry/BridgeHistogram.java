package dev.stria.opentelemetry;

import dev.stria.Histogram;
import dev.stria.KeyedInstrument;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * An OpenTelemetry histogram (long or double) recording into Stria explicit-bucket histogram
 * series, one per attribute set. A negative value is dropped with one warning, as the SDK does;
 * NaN and infinities are not recorded (Stria counts them as dropped). The {@code Context} is
 * accepted and not used yet. Not final: see {@link IncubatingInstruments}.
 *
 * @param <S> the series type: Stria's own, or with the incubator present, {@link
 *     BoundHistogramSeries}
 */
class BridgeHistogram<S extends Histogram.Series> implements LongHistogram, DoubleHistogram {
  private final KeyedInstrument<Attributes, S> instrument;
  private final String name;
  private final Keys keys;

  BridgeHistogram(KeyedInstrument<Attributes, S> instrument, String name, Keys keys) {
    this.instrument = instrument;
    this.name = name;
    this.keys = keys;
  }

  /** The series of {@code attributes}: one hash lookup once it exists. */
  final S series(Attributes attributes) {
    return instrument.series(keys.of(attributes));
  }

  /** Whether {@code value} may be recorded; warns once if not. */
  final boolean accepts(double value) {
    if (!(value < 0)) {
      return true;
    }
    dropped(name, value);
    return false;
  }

  /** Warns once that histogram {@code name} was given the negative {@code value}, dropped. */
  static void dropped(String name, double value) {
    Warnings.once("histogram " + name, "histogram '" + name + "' was given " + value
        + ": histograms record non-negative values only; such values are dropped (logged"
        + " once)");
  }

  @Override
  public void record(long value) {
    record((double) value, Attributes.empty());
  }

  @Override
  public void record(long value, Attributes attributes) {
    record((double) value, attributes);
  }

  @Override
  public void record(long value, Attributes attributes, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      record((double) value, attributes);
    } finally {
      InContext.exit(scope);
    }
  }

  @Override
  public void record(double value) {
    record(value, Attributes.empty());
  }

  @Override
  public void record(double value, Attributes attributes) {
    if (accepts(value)) {
      series(attributes).observe(value);
    }
  }

  @Override
  public void record(double value, Attributes attributes, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      record(value, attributes);
    } finally {
      InContext.exit(scope);
    }
  }

  @Override
  public boolean isEnabled() {
    return true;
  }
}
