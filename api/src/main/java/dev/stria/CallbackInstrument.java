package dev.stria;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * An instrument whose one series is read from a callback at collection time: a gauge's value or
 * a monotonic counter's total.
 *
 * <p>A delta reader of a callback counter reports the difference from the total it last
 * reported; when the total goes down (the source restarted), the new total is reported as the
 * delta. A callback that throws or returns NaN is logged once and skipped for that collection.
 */
final class CallbackInstrument extends Instrument implements CollectableSeries {
  private static final System.Logger LOG = System.getLogger(CallbackInstrument.class.getName());

  private final DoubleSupplier callback;
  private final long startEpochNanos;
  private double[] lastTotalByReaderSlot = new double[0];
  private volatile boolean failureLogged;

  CallbackInstrument(InstrumentDescriptor descriptor, DoubleSupplier callback,
      long startEpochNanos) {
    super(descriptor);
    this.callback = callback;
    this.startEpochNanos = startEpochNanos;
  }

  @Override
  Iterable<? extends CollectableSeries> collectableSeries() {
    return List.of(this);
  }

  @Override
  public synchronized PointSnapshot collect(Collection collection, MetricType type) {
    double value;
    try {
      value = callback.getAsDouble();
    } catch (RuntimeException e) {
      logOnce("threw " + e, e);
      return null;
    }
    if (Double.isNaN(value) && type == MetricType.COUNTER) {
      logOnce("returned NaN", null);
      return null;
    }
    if (type == MetricType.GAUGE) {
      return new GaugePoint(Labels.empty(), startEpochNanos, collection.epochNanos, value);
    }
    if (temporality(collection) == Temporality.CUMULATIVE) {
      return new CounterPoint(Labels.empty(), startEpochNanos, collection.epochNanos, value);
    }
    int slot = collection.reader.slot();
    if (slot >= lastTotalByReaderSlot.length) {
      lastTotalByReaderSlot = Arrays.copyOf(lastTotalByReaderSlot, slot + 1);
    }
    double last = lastTotalByReaderSlot[slot];
    lastTotalByReaderSlot[slot] = value;
    double delta = value >= last ? value - last : value;
    if (delta == 0) {
      return null;
    }
    return new CounterPoint(Labels.empty(), collection.deltaStart(startEpochNanos),
        collection.epochNanos, delta);
  }

  @Override
  Temporality temporality(Collection collection) {
    return collection.temporalityForCallback(descriptor.type());
  }

  private void logOnce(String what, Throwable cause) {
    if (!failureLogged) {
      failureLogged = true;
      LOG.log(Level.WARNING, "callback of " + descriptor + " " + what
          + "; its series is skipped while it fails (logged once)", cause);
    }
  }

  @Override
  public synchronized void forgetReader(int slot) {
    if (slot < lastTotalByReaderSlot.length) {
      lastTotalByReaderSlot[slot] = 0;
    }
  }
}
