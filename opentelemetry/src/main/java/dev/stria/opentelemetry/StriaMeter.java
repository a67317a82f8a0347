package dev.stria.opentelemetry;

import dev.stria.Registration;
import dev.stria.ScopedInstruments;
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
    return valid(name) ? new InstrumentBuilders.LongCounter(this, name) : NOOP.counterBuilder("x");
  }

  @Override
  public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
    return valid(name)
        ? new InstrumentBuilders.LongUpDownCounter(this, name)
        : NOOP.upDownCounterBuilder("x");
  }

  @Override
  public DoubleHistogramBuilder histogramBuilder(String name) {
    return valid(name)
        ? new InstrumentBuilders.DoubleHistogram(this, name)
        : NOOP.histogramBuilder("x");
  }

  @Override
  public DoubleGaugeBuilder gaugeBuilder(String name) {
    return valid(name) ? new InstrumentBuilders.DoubleGauge(this, name) : NOOP.gaugeBuilder("x");
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

  BridgeCounter counter(InstrumentSpec spec) {
    return instrument(spec, () -> new BridgeCounter(scoped.<Attributes>counter(spec.name(),
        spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
        AttributeLabels::of), spec.name()));
  }

  BridgeUpDownCounter upDownCounter(InstrumentSpec spec) {
    return instrument(spec, () -> new BridgeUpDownCounter(
        scoped.<Attributes>upDownCounter(spec.name(), spec.description(), spec.unit(),
            spec.integerValues(), AttributeLabels.OVERFLOW, AttributeLabels::of), spec.name()));
  }

  BridgeGauge gauge(InstrumentSpec spec) {
    return instrument(spec, () -> new BridgeGauge(scoped.<Attributes>gauge(spec.name(),
        spec.description(), spec.unit(), spec.integerValues(), AttributeLabels.OVERFLOW,
        AttributeLabels::of)));
  }

  BridgeHistogram histogram(InstrumentSpec spec, double[] bounds) {
    return instrument(spec, () -> new BridgeHistogram(scoped.<Attributes>histogram(spec.name(),
        spec.description(), spec.unit(), bounds, AttributeLabels.OVERFLOW, AttributeLabels::of),
        spec.name()));
  }

  ObservableInstrument observable(InstrumentSpec spec) {
    MetricType type = switch (spec.kind()) {
      case OBSERVABLE_COUNTER -> MetricType.COUNTER;
      case OBSERVABLE_UP_DOWN_COUNTER -> MetricType.UP_DOWN_COUNTER;
      default -> MetricType.GAUGE;
    };
    return instrument(spec, () -> new ObservableInstrument(scoped, spec, type));
  }

  /** The observable instrument of {@code spec} with {@code callback} added to it. */
  BridgeObservable withCallback(InstrumentSpec spec, Runnable callback) {
    ObservableInstrument observable = observable(spec);
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
