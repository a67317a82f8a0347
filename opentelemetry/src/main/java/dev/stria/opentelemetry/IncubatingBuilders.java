package dev.stria.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleCounterBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleGaugeBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogramBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleUpDownCounterBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounterBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongGaugeBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongHistogramBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.LongHistogramBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import java.util.List;

/**
 * The builders as the incubator's {@code Extended*Builder}s: {@code setAttributesAdvice(keys)}
 * keeps only those attribute keys in the series of every instrument built (synchronous and
 * observable), as the SDK does without a view. Loaded only when {@link Incubator#PRESENT}; the
 * factory methods return the stable API types so that their callers never name these classes.
 */
final class IncubatingBuilders {
  private IncubatingBuilders() {}

  static LongCounterBuilder longCounter(StriaMeter meter, String name) {
    return new LongCounter(meter, name);
  }

  static LongUpDownCounterBuilder longUpDownCounter(StriaMeter meter, String name) {
    return new LongUpDownCounter(meter, name);
  }

  static DoubleHistogramBuilder doubleHistogram(StriaMeter meter, String name) {
    return new DoubleHistogram(meter, name);
  }

  static DoubleGaugeBuilder doubleGauge(StriaMeter meter, String name) {
    return new DoubleGauge(meter, name);
  }

  static final class LongCounter extends InstrumentBuilders.LongCounter
      implements ExtendedLongCounterBuilder {
    LongCounter(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public ExtendedLongCounterBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }

    @Override
    public DoubleCounterBuilder ofDoubles() {
      return new DoubleCounter(this);
    }
  }

  static final class DoubleCounter extends InstrumentBuilders.DoubleCounter
      implements ExtendedDoubleCounterBuilder {
    DoubleCounter(LongCounter from) {
      super(from);
    }

    @Override
    public ExtendedDoubleCounterBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }
  }

  static final class LongUpDownCounter extends InstrumentBuilders.LongUpDownCounter
      implements ExtendedLongUpDownCounterBuilder {
    LongUpDownCounter(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public ExtendedLongUpDownCounterBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }

    @Override
    public DoubleUpDownCounterBuilder ofDoubles() {
      return new DoubleUpDownCounter(this);
    }
  }

  static final class DoubleUpDownCounter extends InstrumentBuilders.DoubleUpDownCounter
      implements ExtendedDoubleUpDownCounterBuilder {
    DoubleUpDownCounter(LongUpDownCounter from) {
      super(from);
    }

    @Override
    public ExtendedDoubleUpDownCounterBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }
  }

  static final class DoubleHistogram extends InstrumentBuilders.DoubleHistogram
      implements ExtendedDoubleHistogramBuilder {
    DoubleHistogram(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public ExtendedDoubleHistogramBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }

    @Override
    public LongHistogramBuilder ofLongs() {
      return new LongHistogram(this);
    }
  }

  static final class LongHistogram extends InstrumentBuilders.LongHistogram
      implements ExtendedLongHistogramBuilder {
    LongHistogram(DoubleHistogram from) {
      super(from);
    }

    @Override
    public ExtendedLongHistogramBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }
  }

  static final class DoubleGauge extends InstrumentBuilders.DoubleGauge
      implements ExtendedDoubleGaugeBuilder {
    DoubleGauge(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public ExtendedDoubleGaugeBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }

    @Override
    public LongGaugeBuilder ofLongs() {
      return new LongGauge(this);
    }
  }

  static final class LongGauge extends InstrumentBuilders.LongGauge
      implements ExtendedLongGaugeBuilder {
    LongGauge(DoubleGauge from) {
      super(from);
    }

    @Override
    public ExtendedLongGaugeBuilder setAttributesAdvice(List<AttributeKey<?>> keys) {
      attributesAdvice(keys);
      return this;
    }
  }
}
