package dev.stria.opentelemetry;

import dev.stria.opentelemetry.InstrumentSpec.Kind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.DoubleUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.LongHistogramBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The eight instrument builders of the API (long and double counters, up-down counters,
 * histograms and gauges), over the settings they share. Each {@code build...} asks the meter,
 * which applies the identity rules; a null description or unit counts as none. Not final: with
 * the incubator present, {@link IncubatingBuilders} adds {@code setAttributesAdvice}.
 */
final class InstrumentBuilders {
  /** OpenTelemetry's default explicit bucket bounds (not Prometheus'). */
  static final double[] DEFAULT_BOUNDS =
      {0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000};

  private InstrumentBuilders() {}

  /** Name, description and unit, shared by every builder and kept by {@code ofDoubles()}. */
  private abstract static class Settings {
    final StriaMeter meter;
    final String name;
    String description = "";
    String unit = "";
    /** The incubator's {@code setAttributesAdvice}: the attribute keys kept; null keeps all. */
    List<AttributeKey<?>> attributesAdvice;

    Settings(StriaMeter meter, String name) {
      this.meter = meter;
      this.name = name;
    }

    Settings(Settings from) {
      this(from.meter, from.name);
      this.description = from.description;
      this.unit = from.unit;
      this.attributesAdvice = from.attributesAdvice;
    }

    void description(String description) {
      this.description = description == null ? "" : description;
    }

    void unit(String unit) {
      this.unit = unit == null ? "" : unit;
    }

    void attributesAdvice(List<AttributeKey<?>> keys) {
      this.attributesAdvice = keys == null ? null : List.copyOf(keys);
    }

    Keys keys() {
      return Keys.advised(attributesAdvice);
    }

    InstrumentSpec spec(Kind kind, boolean integerValues) {
      return new InstrumentSpec(name, kind, integerValues, description, unit);
    }

    /** The observable instrument of this spec, with {@code callback} added (null: warned). */
    BridgeObservable observe(Kind kind, boolean integer,
        Consumer<? super ObservableInstrument> callback) {
      ObservableInstrument observable = meter.observable(spec(kind, integer), keys());
      return meter.withCallback(observable, spec(kind, integer),
          callback == null ? null : () -> callback.accept(observable));
    }
  }

  static class LongCounter extends Settings implements LongCounterBuilder {
    LongCounter(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public LongCounterBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public LongCounterBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public DoubleCounterBuilder ofDoubles() {
      return new DoubleCounter(this);
    }

    @Override
    public io.opentelemetry.api.metrics.LongCounter build() {
      return meter.counter(spec(Kind.COUNTER, true), keys());
    }

    @Override
    public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
      return observe(Kind.OBSERVABLE_COUNTER, true, callback);
    }

    @Override
    public ObservableLongMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_COUNTER, true), keys());
    }
  }

  static class DoubleCounter extends Settings implements DoubleCounterBuilder {
    DoubleCounter(Settings from) {
      super(from);
    }

    @Override
    public DoubleCounterBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public DoubleCounterBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleCounter build() {
      return meter.counter(spec(Kind.COUNTER, false), keys());
    }

    @Override
    public ObservableDoubleCounter buildWithCallback(
        Consumer<ObservableDoubleMeasurement> callback) {
      return observe(Kind.OBSERVABLE_COUNTER, false, callback);
    }

    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_COUNTER, false), keys());
    }
  }

  static class LongUpDownCounter extends Settings implements LongUpDownCounterBuilder {
    LongUpDownCounter(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public LongUpDownCounterBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public LongUpDownCounterBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public DoubleUpDownCounterBuilder ofDoubles() {
      return new DoubleUpDownCounter(this);
    }

    @Override
    public io.opentelemetry.api.metrics.LongUpDownCounter build() {
      return meter.upDownCounter(spec(Kind.UP_DOWN_COUNTER, true), keys());
    }

    @Override
    public ObservableLongUpDownCounter buildWithCallback(
        Consumer<ObservableLongMeasurement> callback) {
      return observe(Kind.OBSERVABLE_UP_DOWN_COUNTER, true, callback);
    }

    @Override
    public ObservableLongMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_UP_DOWN_COUNTER, true), keys());
    }
  }

  static class DoubleUpDownCounter extends Settings implements DoubleUpDownCounterBuilder {
    DoubleUpDownCounter(Settings from) {
      super(from);
    }

    @Override
    public DoubleUpDownCounterBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public DoubleUpDownCounterBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleUpDownCounter build() {
      return meter.upDownCounter(spec(Kind.UP_DOWN_COUNTER, false), keys());
    }

    @Override
    public ObservableDoubleUpDownCounter buildWithCallback(
        Consumer<ObservableDoubleMeasurement> callback) {
      return observe(Kind.OBSERVABLE_UP_DOWN_COUNTER, false, callback);
    }

    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_UP_DOWN_COUNTER, false), keys());
    }
  }

  static class DoubleHistogram extends Settings implements DoubleHistogramBuilder {
    double[] bounds = DEFAULT_BOUNDS;

    DoubleHistogram(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public DoubleHistogramBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public DoubleHistogramBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public DoubleHistogramBuilder setExplicitBucketBoundariesAdvice(List<Double> advice) {
      bounds = BucketAdvice.bounds(name, advice, bounds);
      return this;
    }

    @Override
    public LongHistogramBuilder ofLongs() {
      return new LongHistogram(this);
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleHistogram build() {
      return meter.histogram(spec(Kind.HISTOGRAM, false), bounds, keys());
    }
  }

  static class LongHistogram extends Settings implements LongHistogramBuilder {
    private double[] bounds;

    LongHistogram(DoubleHistogram from) {
      super(from);
      this.bounds = from.bounds;
    }

    @Override
    public LongHistogramBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public LongHistogramBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public LongHistogramBuilder setExplicitBucketBoundariesAdvice(List<Long> advice) {
      List<Double> asDoubles = advice == null ? null
          : advice.stream().map(v -> v == null ? null : v.doubleValue()).toList();
      bounds = BucketAdvice.bounds(name, asDoubles, bounds);
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.LongHistogram build() {
      // Histogram points are doubles whatever the value type, as in the SDK.
      return meter.histogram(spec(Kind.HISTOGRAM, true), bounds, keys());
    }
  }

  static class DoubleGauge extends Settings implements DoubleGaugeBuilder {
    DoubleGauge(StriaMeter meter, String name) {
      super(meter, name);
    }

    @Override
    public DoubleGaugeBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public DoubleGaugeBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public LongGaugeBuilder ofLongs() {
      return new LongGauge(this);
    }

    @Override
    public io.opentelemetry.api.metrics.DoubleGauge build() {
      return meter.gauge(spec(Kind.GAUGE, false), keys());
    }

    @Override
    public ObservableDoubleGauge buildWithCallback(Consumer<ObservableDoubleMeasurement> callback) {
      return observe(Kind.OBSERVABLE_GAUGE, false, callback);
    }

    @Override
    public ObservableDoubleMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_GAUGE, false), keys());
    }
  }

  static class LongGauge extends Settings implements LongGaugeBuilder {
    LongGauge(Settings from) {
      super(from);
    }

    @Override
    public LongGaugeBuilder setDescription(String description) {
      description(description);
      return this;
    }

    @Override
    public LongGaugeBuilder setUnit(String unit) {
      unit(unit);
      return this;
    }

    @Override
    public io.opentelemetry.api.metrics.LongGauge build() {
      return meter.gauge(spec(Kind.GAUGE, true), keys());
    }

    @Override
    public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
      return observe(Kind.OBSERVABLE_GAUGE, true, callback);
    }

    @Override
    public ObservableLongMeasurement buildObserver() {
      return meter.observable(spec(Kind.OBSERVABLE_GAUGE, true), keys());
    }
  }
}
