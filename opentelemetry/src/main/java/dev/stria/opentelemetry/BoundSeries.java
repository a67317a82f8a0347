package dev.stria.opentelemetry;

import io.opentelemetry.api.incubator.metrics.BoundDoubleCounter;
import io.opentelemetry.api.incubator.metrics.BoundDoubleGauge;
import io.opentelemetry.api.incubator.metrics.BoundDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.BoundDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongGauge;
import io.opentelemetry.api.incubator.metrics.BoundLongHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongUpDownCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The incubator's bound instruments over Stria's own series: each call checks the value as the
 * unbound instrument does (a negative counter increment or histogram value is dropped with one
 * warning) and records into the series, with no lookup and no allocation. Each class is both the
 * long and the double bound instrument, as the bridge's instruments are both kinds.
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
      if (value >= 0) {
        series.add(value);
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
      if (instrument.accepts(value)) {
        series.add(value);
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

  static final class Histogram implements BoundLongHistogram, BoundDoubleHistogram {
    private final BridgeHistogram instrument;
    private final dev.stria.Histogram.Series series;

    Histogram(BridgeHistogram instrument, dev.stria.Histogram.Series series) {
      this.instrument = instrument;
      this.series = series;
    }

    @Override
    public void record(long value) {
      record((double) value);
    }

    @Override
    public void record(long value, Context context) {
      Scope scope = InContext.enter(context); // the exemplar's span is the context's
      try {
        record((double) value);
      } finally {
        InContext.exit(scope);
      }
    }

    @Override
    public void record(double value) {
      if (instrument.accepts(value)) {
        series.observe(value);
      }
    }

    @Override
    public void record(double value, Context context) {
      Scope scope = InContext.enter(context); // the exemplar's span is the context's
      try {
        record(value);
      } finally {
        InContext.exit(scope);
      }
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
