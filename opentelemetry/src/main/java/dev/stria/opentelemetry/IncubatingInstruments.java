package dev.stria.opentelemetry;

import dev.stria.KeyedInstrument;
import dev.stria.ScopedInstruments;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleGauge;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedLongGauge;
import io.opentelemetry.api.incubator.metrics.ExtendedLongHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedLongUpDownCounter;

/**
 * The instruments as the incubator's {@code Extended*} instruments: {@code bind(attributes)}
 * looks the series up once and returns the incubator's bound instrument: for a counter or a
 * histogram the series itself ({@link BoundCounterSeries}, {@link BoundHistogramSeries}), for
 * the others Stria's own series wrapped ({@link BoundSeries}), whose calls go straight to it. Loaded only when {@link
 * Incubator#PRESENT}; the factory methods return the bridge's base types so that their callers
 * never name these classes.
 */
final class IncubatingInstruments {
  private IncubatingInstruments() {}

  /** A counter whose series are {@link BoundCounterSeries}: {@code bind} returns one. */
  static BridgeCounter<?> counter(ScopedInstruments scoped, InstrumentSpec spec, Keys keys) {
    String name = spec.name();
    KeyedInstrument<Attributes, BoundCounterSeries> keyed = scoped.counter(name,
        spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
        AttributeLabels::of, setup -> new BoundCounterSeries(setup, name));
    return new Counter(keyed, name, keys);
  }

  static BridgeUpDownCounter upDownCounter(
      KeyedInstrument<Attributes, dev.stria.UpDownCounter.Series> keyed, String name, Keys keys) {
    return new UpDownCounter(keyed, name, keys);
  }

  /** A histogram whose series are {@link BoundHistogramSeries}: {@code bind} returns one. */
  static BridgeHistogram<?> histogram(ScopedInstruments scoped, InstrumentSpec spec,
      double[] bounds, Keys keys) {
    String name = spec.name();
    KeyedInstrument<Attributes, BoundHistogramSeries> keyed = scoped.histogram(name,
        spec.description(), spec.unit(), bounds, AttributeLabels.OVERFLOW, AttributeLabels::of,
        setup -> new BoundHistogramSeries(setup, name));
    return new Histogram(keyed, name, keys);
  }

  static BridgeGauge gauge(KeyedInstrument<Attributes, dev.stria.Gauge.Series> keyed,
      Keys keys) {
    return new Gauge(keyed, keys);
  }

  static final class Counter extends BridgeCounter<BoundCounterSeries>
      implements ExtendedLongCounter, ExtendedDoubleCounter {
    Counter(KeyedInstrument<Attributes, BoundCounterSeries> keyed, String name, Keys keys) {
      super(keyed, name, keys);
    }

    @Override
    public BoundCounterSeries bind(Attributes attributes) {
      return series(attributes); // the series is the bound counter: nothing allocated
    }
  }

  static final class UpDownCounter extends BridgeUpDownCounter
      implements ExtendedLongUpDownCounter, ExtendedDoubleUpDownCounter {
    UpDownCounter(KeyedInstrument<Attributes, dev.stria.UpDownCounter.Series> keyed, String name,
        Keys keys) {
      super(keyed, name, keys);
    }

    @Override
    public BoundSeries.UpDownCounter bind(Attributes attributes) {
      return new BoundSeries.UpDownCounter(this, series(attributes));
    }
  }

  static final class Histogram extends BridgeHistogram<BoundHistogramSeries>
      implements ExtendedLongHistogram, ExtendedDoubleHistogram {
    Histogram(KeyedInstrument<Attributes, BoundHistogramSeries> keyed, String name, Keys keys) {
      super(keyed, name, keys);
    }

    @Override
    public BoundHistogramSeries bind(Attributes attributes) {
      return series(attributes); // the series is the bound histogram: nothing allocated
    }
  }

  static final class Gauge extends BridgeGauge implements ExtendedLongGauge, ExtendedDoubleGauge {
    Gauge(KeyedInstrument<Attributes, dev.stria.Gauge.Series> keyed, Keys keys) {
      super(keyed, keys);
    }

    @Override
    public BoundSeries.Gauge bind(Attributes attributes) {
      return new BoundSeries.Gauge(series(attributes));
    }
  }
}
