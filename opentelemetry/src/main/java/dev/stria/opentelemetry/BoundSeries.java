package dev.stria.opentelemetry;

import io.opentelemetry.api.incubator.metrics.BoundDoubleGauge;
import io.opentelemetry.api.incubator.metrics.BoundDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongGauge;
import io.opentelemetry.api.incubator.metrics.BoundLongUpDownCounter;
import io.opentelemetry.context.Context;

/**
 * The incubator's bound up-down counters and gauges over Stria's own series (a bound counter or
 * histogram is the series itself: {@link BoundCounterSeries}, {@link BoundHistogramSeries}):
 * each call checks the value as the unbound instrument does and records into the series, with no
 * lookup and no allocation. Each class is both the long and the double bound instrument, as the
 * bridge's instruments are both kinds. A valid value touches only the series: the instrument
 * (whose name the warning needs) is loaded only to drop a value.
 */
final class BoundSeries {
  private BoundSeries() {}

  static final class UpDownCounter implements BoundLongUpDownCounter, BoundDoubleUpDownCounter {
    private final BridgeUpDownCounter instrument;
    private final dev.stria.UpDownCounter.Series series;

    UpDownCounter(BridgeUpDownCounter instrument, dev.stria.UpDownCounter.Series series) {
      this.instrument = instrument;
      this.series = series;
    }

    @Override
    public void add(long value) {
      series.add(value);
    }

    @Override
    public void add(long value, Context context) {
      add(value);
    }

    @Override
    public void add(double value) {
      if (instrument.accepts(value)) {
        series.add(value);
      }
    }

    @Override
    public void add(double value, Context context) {
      add(value);
    }
  }

  static final class Gauge implements BoundLongGauge, BoundDoubleGauge {
    private final dev.stria.Gauge.Series series;

    Gauge(dev.stria.Gauge.Series series) {
      this.series = series;
    }

    @Override
    public void set(long value) {
      series.set((double) value);
    }

    @Override
    public void set(long value, Context context) {
      set((double) value);
    }

    @Override
    public void set(double value) {
      series.set(value);
    }

    @Override
    public void set(double value, Context context) {
      set(value);
    }
  }
}
