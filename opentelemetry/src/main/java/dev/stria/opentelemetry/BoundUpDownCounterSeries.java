package dev.stria.opentelemetry;

import dev.stria.SeriesSetup;
import dev.stria.UpDownCounter;
import io.opentelemetry.api.incubator.metrics.BoundDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongUpDownCounter;
import io.opentelemetry.context.Context;

/**
 * An up-down counter series of the bridge that is also the incubator's bound up-down counter
 * (long and double): {@code bind(attributes)} returns the series itself, as for counters ({@link
 * BoundCounterSeries}). A NaN or infinite amount is dropped with one warning where Stria's own
 * series throws ({@link #rejected(double)}). Loaded only when {@link Incubator#PRESENT}.
 */
final class BoundUpDownCounterSeries extends UpDownCounter.Series
    implements BoundLongUpDownCounter, BoundDoubleUpDownCounter {
  private final String instrumentName; // for the drop warning only

  BoundUpDownCounterSeries(SeriesSetup setup, String instrumentName) {
    super(setup);
    this.instrumentName = instrumentName;
  }

  /** Drops the NaN or infinite amount with one warning: nothing thrown into instrumented code. */
  @Override
  protected void rejected(double amount) {
    BridgeUpDownCounter.dropped(instrumentName, amount);
  }

  @Override
  public void add(long value, Context context) {
    add(value); // up-down counters keep no exemplars
  }

  @Override
  public void add(double value, Context context) {
    add(value);
  }
}
