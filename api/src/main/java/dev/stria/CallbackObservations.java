package dev.stria;

import dev.stria.snapshot.MetricType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One collection's {@link Observations}: the values a callback reported, by series key (label
 * values, or a bridge's {@link KeyedObservations} keys), checked and folded into the overflow
 * series past the cardinality limit. Created for one call of the callback and closed when it
 * returns, so concurrent collections each have their own.
 */
final class CallbackObservations implements Observations, KeyedObservations<Object> {
  /** The key of the overflow series (labelled {@code otel_metric_overflow="true"} or so). */
  static final Object OVERFLOW = new Object();

  private final CallbackInstrument instrument;
  private final int labelCount;
  private final int cardinalityLimit;
  private final boolean sum;
  private final Map<Object, Double> values = new LinkedHashMap<>();
  private boolean closed;

  CallbackObservations(CallbackInstrument instrument, int cardinalityLimit) {
    this.instrument = instrument;
    this.labelCount = instrument.descriptor.labelNames().size();
    this.cardinalityLimit = cardinalityLimit;
    this.sum = instrument.descriptor.type() != MetricType.GAUGE;
  }

  @Override
  public void record(long value, String... labelValues) {
    record((double) value, labelValues);
  }

  @Override
  public void record(double value, String... labelValues) {
    if (closed) {
      instrument.rejectObservation("reported a value after its callback returned");
      return;
    }
    if (labelValues == null || labelValues.length != labelCount) {
      instrument.rejectObservation("reported " + (labelValues == null ? "null" : labelValues.length)
          + " label values for label names " + instrument.descriptor.labelNames());
      return;
    }
    for (String labelValue : labelValues) {
      if (labelValue == null) {
        instrument.rejectObservation("reported a null label value");
        return;
      }
    }
    put(new LabelValues(labelValues.clone()), value);
  }

  @Override
  public void recordKeyed(double value, Object key) {
    if (closed) {
      instrument.rejectObservation("reported a value after its callback returned");
      return;
    }
    if (key == null) {
      instrument.rejectObservation("reported a null series key");
      return;
    }
    put(key, value);
  }

  private void put(Object key, double value) {
    if (Double.isNaN(value) || (sum && Double.isInfinite(value))) {
      instrument.rejectObservation("reported " + value + (sum ? ": a sum must be a finite number"
          : ": a gauge value must not be NaN"));
      return;
    }
    if (values.containsKey(key) || values.size() < cardinalityLimit) {
      values.put(key, value);
    } else {
      instrument.overflowed();
      values.merge(OVERFLOW, value, sum ? Double::sum : (last, next) -> next);
    }
  }

  /** Ends the callback's call: later reports are ignored. */
  void close() {
    closed = true;
  }

  /** What the callback reported, in the order it first reported each label set. */
  Map<Object, Double> values() {
    return values;
  }
}
