package dev.stria.opentelemetry;

import io.opentelemetry.api.incubator.metrics.BoundDoubleCounter;
import io.opentelemetry.api.incubator.metrics.BoundDoubleGauge;
import io.opentelemetry.api.incubator.metrics.BoundDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongGauge;
import io.opentelemetry.api.incubator.metrics.BoundLongUpDownCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The incubator's bound counters and gauges over Stria's own series (a bound histogram is the
 * series itself: {@link BoundHistogramSeries}): each call checks the value as the unbound
 * instrument does (a negative counter increment is dropped with one warning) and records into the
 * series, with no lookup and no allocation. Each class is both the
 * long and the double bound instrument, as the bridge's instruments are both kinds.
 *
 * <p><b>Fast path.</b> A bound instrument should cost what Stria's own series does, so a valid
 * value touches only the series: the instrument (whose name the warning needs) is loaded only to
 * drop a value. The counter's whole-increment test is the very test {@code
 * Counter.Series.add(long)} makes first, so once inlined the JIT folds the series' test into it:
 * one test, not a sign check and then a range check (see {@link BridgeCounter#SMALL_BITS}).
 */
final class BoundSeries {
  private BoundSeries() {}

  static final class Counter implements BoundLongCounter, BoundDoubleCounter {
    private final BridgeCounter instrument;
    private final dev.stria.Counter.Series series;

    Counter(BridgeCounter instrument, dev.stria.Counter.Series series) {
      this.instrument = instrument;
      this.series = series;
    }

    @Override
    public void add(long value) {
      if ((value >>> BridgeCounter.SMALL_BITS) == 0) {
        series.add(value); // the series' identical first test is folded into this one
      } else if (value > 0) {
        series.add(value); // a large whole increment, which the series keeps as a double
      } else {
        instrument.dropped(value);
      }
    }

    @Override
    public void add(long value, Context context) {
      Scope scope = InContext.enter(context); // the exemplar's span is the context's
      try {
        add(value);
      } finally {
        InContext.exit(scope);
      }
    }

    @Override
    public void add(double value) {
      if (value >= 0 && value != Double.POSITIVE_INFINITY) {
        series.add(value);
      } else {
        instrument.dropped(value);
      }
    }

    @Override
    public void add(double value, Context context) {
      Scope scope = InContext.enter(context); // the exemplar's span is the context's
      try {
        add(value);
      } finally {
        InContext.exit(scope);
      }
    }
  }

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
