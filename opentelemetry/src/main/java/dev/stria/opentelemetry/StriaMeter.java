package dev.stria.opentelemetry;

import dev.stria.Counter;
import dev.stria.Gauge;
import dev.stria.Histogram;
import dev.stria.KeyedInstrument;
import dev.stria.Registration;
import dev.stria.ScopedInstruments;
import dev.stria.UpDownCounter;
import dev.stria.snapshot.MetricType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One instrumentation scope: the instruments a {@code Meter} created, with the specification's
 * identity rules. The same name (in any case), kind, value type, unit and description return the
 * same instrument; a different request for a name already taken is a conflicting duplicate,
 * warned about once and registered as an instrument of its own (both are exported, as the SDK
 * does). An invalid name gives a warning and a no-op instrument. Nothing here throws into
 * instrumented code.
 */
final class StriaMeter implements Meter {
  /** The instrument name syntax of the OpenTelemetry specification. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]{0,254}");
  private static final Meter NOOP = MeterProvider.noop().get("dev.stria.opentelemetry.noop");

  private final ScopedInstruments scoped;
  private final Map<String, Object> byIdentity = new HashMap<>();
  private final Map<String, InstrumentSpec> firstByName = new HashMap<>();

  StriaMeter(ScopedInstruments scoped) {
    this.scoped = scoped;
  }

  @Override
  public LongCounterBuilder counterBuilder(String name) {
    if (!valid(name)) {
      return NOOP.counterBuilder("x");
    }
    return Incubator.PRESENT
        ? IncubatingBuilders.longCounter(this, name)
        : new InstrumentBuilders.LongCounter(this, name);
  }

  @Override
  public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
    if (!valid(name)) {
      return NOOP.upDownCounterBuilder("x");
    }
    return Incubator.PRESENT
        ? IncubatingBuilders.longUpDownCounter(this, name)
        : new InstrumentBuilders.LongUpDownCounter(this, name);
  }

  @Override
  public DoubleHistogramBuilder histogramBuilder(String name) {
    if (!valid(name)) {
      return NOOP.histogramBuilder("x");
    }
    return Incubator.PRESENT
        ? IncubatingBuilders.doubleHistogram(this, name)
        : new InstrumentBuilders.DoubleHistogram(this, name);
  }

  @Override
  public DoubleGaugeBuilder gaugeBuilder(String name) {
    if (!valid(name)) {
      return NOOP.gaugeBuilder("x");
    }
    return Incubator.PRESENT
        ? IncubatingBuilders.doubleGauge(this, name)
        : new InstrumentBuilders.DoubleGauge(this, name);
  }

  @Override
  public BatchCallback batchCallback(Runnable callback, ObservableMeasurement observableMeasurement,
      ObservableMeasurement... additionalMeasurements) {
    List<ObservableMeasurement> all = new ArrayList<>();
    all.add(observableMeasurement);
    if (additionalMeasurements != null) {
      all.addAll(List.of(additionalMeasurements));
    }
    List<Registration> registrations = new ArrayList<>();
    for (ObservableMeasurement m : all) {
      if (callback != null && m instanceof ObservableInstrument observable) {
        registrations.add(observable.addCallback(callback));
      } else {
        Warnings.once("batch " + scoped.scope().name(), "a batch callback of meter '"
            + scoped.scope().name() + "' was given a null callback, or a measurement this"
            + " meter did not build (" + m + "); it is left out (logged once)");
      }
    }
    return new BridgeObservable(() -> registrations.forEach(Registration::close));
  }

  private boolean valid(String name) {
    if (name != null && NAME.matcher(name).matches()) {
      return true;
    }
    Warnings.once("name " + name, "instrument name '" + name + "' of meter '"
        + scoped.scope().name() + "' is invalid (the OpenTelemetry rule: a letter, then up to"
        + " 254 letters, digits, '_', '.', '-' or '/'); a no-op instrument is returned");
    return false;
  }

  // With the incubator present, the instruments are IncubatingInstruments' subclasses (bind);
  // that class is loaded only then.

  BridgeCounter<?> counter(InstrumentSpec spec, Keys keys) {
    return instrument(spec, () -> {
      if (Incubator.PRESENT) {
        return IncubatingInstruments.counter(scoped, spec, keys);
      }
      KeyedInstrument<Attributes, Counter.Series> keyed = scoped.counter(spec.name(),
          spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
          AttributeLabels::of);
      return new BridgeCounter<>(keyed, spec.name(), keys);
    });
  }

  BridgeUpDownCounter<?> upDownCounter(InstrumentSpec spec, Keys keys) {
    return instrument(spec, () -> {
      if (Incubator.PRESENT) {
        return IncubatingInstruments.upDownCounter(scoped, spec, keys);
      }
      KeyedInstrument<Attributes, UpDownCounter.Series> keyed = scoped.upDownCounter(
          spec.name(), spec.description(), spec.unit(), spec.integerValues(),
          AttributeLabels.OVERFLOW, AttributeLabels::of);
      return new BridgeUpDownCounter<>(keyed, spec.name(), keys);
    });
  }

  BridgeGauge<?> gauge(InstrumentSpec spec, Keys keys) {
    return instrument(spec, () -> {
      if (Incubator.PRESENT) {
        return IncubatingInstruments.gauge(scoped, spec, keys);
      }
      KeyedInstrument<Attributes, Gauge.Series> keyed = scoped.gauge(spec.name(),
          spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
          AttributeLabels::of);
      return new BridgeGauge<>(keyed, keys);
    });
  }

  BridgeHistogram<?> histogram(InstrumentSpec spec, double[] bounds, Keys keys) {
    return instrument(spec, () -> {
      if (Incubator.PRESENT) {
        return IncubatingInstruments.histogram(scoped, spec, bounds, keys);
      }
      KeyedInstrument<Attributes, Histogram.Series> keyed = scoped.histogram(spec.name(),
          spec.description(), spec.unit(), bounds, AttributeLabels.OVERFLOW,
          AttributeLabels::of);
      return new BridgeHistogram<>(keyed, spec.name(), keys);
    });
  }

  ObservableInstrument observable(InstrumentSpec spec, Keys keys) {
    MetricType type = switch (spec.kind()) {
      case OBSERVABLE_COUNTER -> MetricType.COUNTER;
      case OBSERVABLE_UP_DOWN_COUNTER -> MetricType.UP_DOWN_COUNTER;
      default -> MetricType.GAUGE;
    };
    return instrument(spec, () -> new ObservableInstrument(scoped, spec, type, keys));
  }

  /** The observable instrument of {@code spec} with {@code callback} added to it. */
  BridgeObservable withCallback(ObservableInstrument observable, InstrumentSpec spec,
      Runnable callback) {
    if (callback == null) {
      Warnings.once("callback " + spec.name(), "observable instrument '" + spec.name()
          + "' was given a null callback; nothing is registered (logged once)");
      return new BridgeObservable(() -> {});
    }
    return new BridgeObservable(observable.addCallback(callback));
  }

  private synchronized <T> T instrument(InstrumentSpec spec, Supplier<T> create) {
    @SuppressWarnings("unchecked")
    T existing = (T) byIdentity.get(spec.identity());
    if (existing != null) {
      return existing;
    }
    InstrumentSpec first = firstByName.putIfAbsent(spec.lowerCaseName(), spec);
    if (first != null) {
      Warnings.once("duplicate " + scoped.scope().name() + " " + spec.identity(),
          "meter '" + scoped.scope().name() + "' already has " + first + "; " + spec
              + " conflicts with it and is registered as an instrument of its own: both are"
              + " exported under one name, which receivers may reject or merge");
    }
    T created = create.get();
    byIdentity.put(spec.identity(), created);
    return created;
  }
}
