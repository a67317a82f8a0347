package dev.stria.opentelemetry;

import dev.stria.Gauge;
import dev.stria.SeriesSetup;
import io.opentelemetry.api.incubator.metrics.BoundDoubleGauge;
import io.opentelemetry.api.incubator.metrics.BoundLongGauge;
import io.opentelemetry.context.Context;

/**
 * A gauge series of the bridge that is also the incubator's bound gauge (long and double): {@code
 * bind(attributes)} returns the series itself, as for counters ({@link BoundCounterSeries}).
 * Every value is set, as the unbound gauge does. Loaded only when {@link Incubator#PRESENT}.
 */
final class BoundGaugeSeries extends Gauge.Series implements BoundLongGauge, BoundDoubleGauge {
  BoundGaugeSeries(SeriesSetup setup) {
    super(setup);
  }

  @Override
  public void set(long value) {
    set((double) value);
  }

  @Override
  public void set(long value, Context context) {
    set((double) value);
  }

  @Override
  public void set(double value, Context context) {
    set(value); // gauges keep no exemplars
  }
}
