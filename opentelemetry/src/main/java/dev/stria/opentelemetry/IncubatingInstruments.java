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
 * looks the series up once and returns it, for each series of these instruments is also the
 * incubator's bound instrument ({@link BoundCounterSeries}, {@link BoundUpDownCounterSeries},
 * {@link BoundGaugeSeries}, {@link BoundHistogramSeries}): a bound call is the series' own.
 * Loaded only when {@link Incubator#PRESENT}; the factory methods return the bridge's base types
 * so that their callers never name these classes.
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

  /** An up-down counter whose series are {@link BoundUpDownCounterSeries}. */
  static BridgeUpDownCounter<?> upDownCounter(ScopedInstruments scoped, InstrumentSpec spec,
      Keys keys) {
    String name = spec.name();
    KeyedInstrument<Attributes, BoundUpDownCounterSeries> keyed = scoped.upDownCounter(name,
        spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
        AttributeLabels::of, setup -> new BoundUpDownCounterSeries(setup, name));
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

  /** A gauge whose series are {@link BoundGaugeSeries}. */
  static BridgeGauge<?> gauge(ScopedInstruments scoped, InstrumentSpec spec, Keys keys) {
    KeyedInstrument<Attributes, BoundGaugeSeries> keyed = scoped.gauge(spec.name(),
        spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
        AttributeLabels::of, BoundGaugeSeries::new);
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

  static final class UpDownCounter extends BridgeUpDownCounter<BoundUpDownCounterSeries>
      implements ExtendedLongUpDownCounter, ExtendedDoubleUpDownCounter {
    UpDownCounter(KeyedInstrument<Attributes, BoundUpDownCounterSeries> keyed, String name,
        Keys keys) {
      super(keyed, name, keys);
    }

    @Override
    public BoundUpDownCounterSeries bind(Attributes attributes) {
      return series(attributes); // the series is the bound up-down counter: nothing allocated
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

  static final class Gauge extends BridgeGauge<BoundGaugeSeries>
      implements ExtendedLongGauge, ExtendedDoubleGauge {
    Gauge(KeyedInstrument<Attributes, BoundGaugeSeries> keyed, Keys keys) {
      super(keyed, keys);
    }

    @Override
    public BoundGaugeSeries bind(Attributes attributes) {
      return series(attributes); // the series is the bound gauge: nothing allocated
    }
  }
}
