package dev.stria;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An instrument whose series are read from a callback at collection time: gauge values, monotonic
 * counter totals or up-down counter sums, one per label set the callback reports.
 *
 * <p><b>Concurrency.</b> Every collection calls the callback itself, with {@link Observations} of
 * its own, and holds no lock while it runs: two readers collecting at once call the callback at
 * the same time, so a slow callback delays each collection once instead of serialising them. The
 * only shared state is each delta reader's last reported totals, touched only by that reader's
 * collections, which {@link RegistryReader} serialises.
 *
 * <p><b>Deltas.</b> A delta reader of a callback sum reports the difference from the total it
 * reported last for that label set; a counter whose total went down (the source restarted)
 * reports the new total as the delta. A series the callback stops reporting is forgotten: when it
 * comes back, it starts over (its whole value is its first delta).
 *
 * <p><b>Failures.</b> A callback that throws — an exception, or an error such as {@code
 * AssertionError}, {@code NoClassDefFoundError}, {@code ExceptionInInitializerError} or {@code
 * StackOverflowError} (whose frames are unwound when it is caught) — is logged once and its series
 * are skipped in that collection; the rest of the collection goes on. Only the other {@link
 * VirtualMachineError}s ({@code OutOfMemoryError}, {@code InternalError}) end the collection. Bad
 * observations are skipped one by one (see {@link Observations}).
 */
final class CallbackInstrument extends Instrument {
  private static final System.Logger LOG = System.getLogger(CallbackInstrument.class.getName());

  private final Consumer<? super CallbackObservations> callback;
  private final int cardinalityLimit;
  private final long startEpochNanos;
  /** The labels of a series' key: label values for Stria's own, attributes for a bridge's. */
  private final Function<Object, Labels> labelsOf;
  private final Labels overflowLabels;
  /** Per delta reader slot, the totals it reported last, by series key. */
  private final Map<Integer, Map<Object, Double>> lastTotalsByReaderSlot =
      new ConcurrentHashMap<>();
  private volatile boolean failureLogged;
  private volatile boolean rejectionLogged;
  private volatile boolean overflowLogged;

  /** A callback of Stria's own, whose series are keyed by label values. */
  CallbackInstrument(InstrumentDescriptor descriptor, Consumer<Observations> callback,
      int cardinalityLimit, long startEpochNanos) {
    super(descriptor);
    this.callback = callback;
    this.cardinalityLimit = cardinalityLimit;
    this.startEpochNanos = startEpochNanos;
    String[] labelNames = descriptor.labelNames().toArray(new String[0]);
    this.labelsOf = key -> Labels.of(labelNames, ((LabelValues) key).values);
    this.overflowLabels = SeriesTable.OVERFLOW_LABELS;
  }

  /** A bridge's callback (see {@link ScopedInstruments}), whose series have keys of its own. */
  CallbackInstrument(InstrumentDescriptor descriptor, InstrumentationScope scope,
      boolean integerValues, Consumer<? super CallbackObservations> callback,
      int cardinalityLimit, long startEpochNanos, Function<Object, Labels> labelsOf,
      Labels overflowLabels) {
    super(descriptor, scope, integerValues);
    this.callback = callback;
    this.cardinalityLimit = cardinalityLimit;
    this.startEpochNanos = startEpochNanos;
    this.labelsOf = labelsOf;
    this.overflowLabels = overflowLabels;
  }

  @Override
  MetricSnapshot collect(Collection collection) {
    CallbackObservations observations = new CallbackObservations(this, cardinalityLimit);
    try {
      callback.accept(observations);
    } catch (StackOverflowError runaway) {
      // A VirtualMachineError, but the callback's own: its frames are unwound by now, and the
      // JVM is as healthy as before the call.
      return skipFailed(runaway);
    } catch (VirtualMachineError fatal) {
      throw fatal; // out of memory, an internal error: nothing a collection should go on after
    } catch (Throwable failure) {
      // An AssertionError, a NoClassDefFoundError, an ExceptionInInitializerError are the
      // callback's own failures: they must not end the other instruments' collection.
      return skipFailed(failure);
    } finally {
      observations.close();
    }
    Map<Object, Double> values = observations.values();
    MetricType type = descriptor.type();
    Temporality temporality = temporality(collection);
    List<PointSnapshot> points = new ArrayList<>(values.size());
    if (type == MetricType.GAUGE || temporality == Temporality.CUMULATIVE) {
      values.forEach((key, value) -> points.add(point(key, startEpochNanos, collection, value)));
    } else {
      addDeltas(collection, values, points);
    }
    return snapshot(collection, points);
  }

  private void addDeltas(Collection collection, Map<Object, Double> totals,
      List<PointSnapshot> points) {
    int slot = collection.reader.slot();
    Map<Object, Double> last = lastTotalsByReaderSlot.getOrDefault(slot, Map.of());
    long start = collection.deltaStart(startEpochNanos);
    for (Map.Entry<Object, Double> entry : totals.entrySet()) {
      double total = entry.getValue();
      Double previous = last.get(entry.getKey());
      double delta;
      if (previous == null) {
        delta = total;
      } else if (descriptor.type() == MetricType.COUNTER && total < previous) {
        delta = total; // the source restarted: its whole total is new
      } else {
        delta = total - previous;
      }
      if (delta != 0) {
        points.add(point(entry.getKey(), start, collection, delta));
      }
    }
    // Only the series reported now are remembered: one that disappears starts over.
    lastTotalsByReaderSlot.put(slot, new HashMap<>(totals));
  }

  private PointSnapshot point(Object key, long start, Collection collection, double value) {
    Labels labels = key == CallbackObservations.OVERFLOW ? overflowLabels : labelsOf.apply(key);
    return descriptor.type() == MetricType.GAUGE
        ? new GaugePoint(labels, start, collection.epochNanos, value)
        : new CounterPoint(labels, start, collection.epochNanos, value);
  }

  @Override
  Iterable<? extends CollectableSeries> collectableSeries() {
    return List.of();
  }

  @Override
  Temporality temporality(Collection collection) {
    return collection.temporalityForCallback(descriptor.type());
  }

  @Override
  void detachReader(int slot) {
    lastTotalsByReaderSlot.remove(slot);
  }

  private MetricSnapshot skipFailed(Throwable failure) {
    if (!failureLogged) {
      failureLogged = true;
      LOG.log(Level.WARNING, "callback of " + descriptor + " threw; its series are skipped"
          + " while it fails (logged once)", failure);
    }
    return null;
  }

  void rejectObservation(String what) {
    if (!rejectionLogged) {
      rejectionLogged = true;
      LOG.log(Level.WARNING, "callback of " + descriptor + " " + what
          + "; that value is skipped (logged once)");
    }
  }

  void overflowed() {
    if (!overflowLogged) {
      overflowLogged = true;
      LOG.log(Level.WARNING, "callback of " + descriptor + " reported more than its cardinality"
          + " limit of " + cardinalityLimit + " series; further label sets are reported as one"
          + " series labelled " + overflowLabels);
    }
  }
}
