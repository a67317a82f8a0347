package dev.stria.opentelemetry;

import dev.stria.KeyedObservations;
import dev.stria.Registration;
import dev.stria.ScopedInstruments;
import dev.stria.snapshot.MetricType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An observable counter, up-down counter or gauge: one Stria callback instrument that, at each
 * collection, runs every callback registered for it ({@code buildWithCallback} on this identity,
 * {@code batchCallback}s naming it) and is also the measurement they record into.
 *
 * <p>Each collection calls the callbacks on its own thread with observations of its own, so the
 * observations in use are kept per thread: two readers collecting at once do not mix their
 * values. A value recorded outside a callback run for this instrument (by a batch callback run
 * for another of its instruments, or through a reference kept for later) is ignored. A callback
 * that throws is logged once and skipped; the other callbacks' values are kept.
 */
final class ObservableInstrument
    implements ObservableLongMeasurement, ObservableDoubleMeasurement {
  private final String name;
  private final Keys keys;
  private final ThreadLocal<KeyedObservations<Attributes>> current = new ThreadLocal<>();
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  ObservableInstrument(ScopedInstruments scoped, InstrumentSpec spec, MetricType type, Keys keys) {
    this.name = spec.name();
    this.keys = keys;
    scoped.<Attributes>callback(spec.name(), spec.description(), spec.unit(), type,
        spec.integerValues(), AttributeLabels.OVERFLOW, AttributeLabels::of, this::collect);
  }

  /** Adds {@code callback}; the returned handle removes it. */
  Registration addCallback(Runnable callback) {
    callbacks.add(callback);
    return () -> callbacks.remove(callback);
  }

  private void collect(KeyedObservations<Attributes> observations) {
    current.set(observations);
    try {
      for (Runnable callback : callbacks) {
        try {
          callback.run();
        } catch (RuntimeException | LinkageError | AssertionError failure) {
          Warnings.once("callback " + name, "a callback of observable instrument '" + name
              + "' threw " + failure + "; its values are skipped while it fails (logged once)");
        }
      }
    } finally {
      current.remove();
    }
  }

  @Override
  public void record(long value) {
    record((double) value, Attributes.empty());
  }

  @Override
  public void record(long value, Attributes attributes) {
    record((double) value, attributes);
  }

  @Override
  public void record(double value) {
    record(value, Attributes.empty());
  }

  @Override
  public void record(double value, Attributes attributes) {
    KeyedObservations<Attributes> observations = current.get();
    if (observations != null) {
      observations.recordKeyed(value, keys.of(attributes));
    }
  }
}
