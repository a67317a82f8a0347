package dev.stria;

import dev.stria.core.internal.GaugeCell;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.function.DoubleSupplier;

/**
 * A value that is set rather than summed: temperature, requests in flight, the size of a cache.
 *
 * <pre>{@code
 * Gauge inflight = registry.gauge("http.server.active_requests").register();
 * inflight.inc();
 * inflight.dec();
 * inflight.set(7);
 * registry.gauge("jvm.memory.used").unit("By").callback(() -> heapUsed());  // read at collection
 * }</pre>
 *
 * <p>{@code set} is wait-free (one volatile store); {@code inc}, {@code dec} and {@code add} are
 * lock-free (a compare-and-set loop). Readers of either temporality report the current value.
 */
public final class Gauge extends LabeledInstrument<Gauge.Series> {

  Gauge(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(labels, registry.nowEpochNanos()), series -> series.state);
  }

  /** Sets the value (instrument without label names; else {@code IllegalStateException}). */
  public void set(double value) {
    unlabelled().set(value);
  }

  /** Adds 1 (instrument without label names). */
  public void inc() {
    unlabelled().inc();
  }

  /** Subtracts 1 (instrument without label names). */
  public void dec() {
    unlabelled().dec();
  }

  /** Adds {@code delta}, which may be negative (instrument without label names). */
  public void add(double delta) {
    unlabelled().add(delta);
  }

  /** One labelled series of a gauge. */
  public static final class Series {
    private final GaugeCell cell = new GaugeCell();
    final GaugeSeries state;

    Series(Labels labels, long startEpochNanos) {
      this.state = new GaugeSeries(labels, startEpochNanos, cell);
    }

    /** Sets the value. */
    public void set(double value) {
      cell.set(value);
    }

    /** Adds 1. */
    public void inc() {
      cell.add(1);
    }

    /** Subtracts 1. */
    public void dec() {
      cell.add(-1);
    }

    /** Adds {@code delta}, which may be negative. */
    public void add(double delta) {
      cell.add(delta);
    }

    /** The current value. */
    public double get() {
      return cell.get();
    }

    /** The label values of this series. */
    public Labels labels() {
      return state.labels;
    }
  }

  /**
   * Builds a gauge: {@code registry.gauge(name)...register()}, or {@code callback(...)} for a
   * value read at collection time.
   */
  public static final class Builder extends InstrumentBuilder<Builder> {
    Builder(MeterRegistry registry, String name) {
      super(registry, name);
    }

    /** Registers the gauge, or returns the one registered with identical settings. */
    public Gauge register() {
      InstrumentDescriptor descriptor = descriptor("gauge", MetricType.GAUGE, "");
      return registry.register(descriptor, Gauge.class,
          () -> new Gauge(descriptor, cardinalityLimit, registry));
    }

    /**
     * Registers a value read at each collection. A callback that throws is logged once and its
     * series skipped; the collection goes on.
     */
    public Registration callback(DoubleSupplier value) {
      requireNoLabelsForCallback();
      InstrumentDescriptor descriptor = descriptor("callback gauge", MetricType.GAUGE, "");
      return registry.registerCallback(descriptor, value);
    }
  }
}
