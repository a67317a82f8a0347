package dev.stria;

import dev.stria.core.internal.GaugeCell;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A value that is set rather than summed: temperature, requests in flight, the size of a cache.
 *
 * <pre>{@code
 * Gauge inflight = registry.gauge("http.server.active_requests").register();
 * inflight.inc();
 * inflight.dec();
 * inflight.set(7);
 * registry.gauge("cache.size").unit("{entry}").callback(() -> cache.size());  // read at collection
 * }</pre>
 *
 * <p>{@code set} is wait-free (one release store, no fence); {@code inc}, {@code dec} and {@code
 * add} are lock-free (a compare-and-set loop). Readers of either temporality report the current
 * value.
 */
public final class Gauge extends LabeledInstrument<Gauge.Series> {

  Gauge(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(labels, registry.nowEpochNanos()), series -> series.state);
  }

  /** Sets the value (gauge without label names): one release store, wait-free. */
  public void set(double value) {
    unlabelled().set(value);
  }

  /** Adds one to the value (gauge without label names); lock-free. */
  public void inc() {
    unlabelled().inc();
  }

  /** Subtracts one from the value (gauge without label names); lock-free. */
  public void dec() {
    unlabelled().dec();
  }

  /** Adds {@code delta}, which may be negative (gauge without label names); lock-free. */
  public void add(double delta) {
    unlabelled().add(delta);
  }

  /**
   * One labelled series of a gauge.
   *
   * <p>Not final, so that a bridge can make its own API's bound instrument the series itself
   * (one object less on each bound call); every method is final, and only a registry creates
   * series.
   */
  public static class Series {
    private final GaugeCell cell = new GaugeCell();
    final GaugeSeries state;

    Series(Labels labels, long startEpochNanos) {
      this.state = new GaugeSeries(labels, startEpochNanos, cell);
    }

    /**
     * For a bridge whose own API's bound instrument should be the series itself (see {@link
     * ScopedInstruments}'s {@code gauge} with a series factory); as {@link
     * Counter.Series#Series(SeriesSetup)}.
     *
     * @throws IllegalArgumentException if {@code setup} is null or not a gauge's
     */
    protected Series(SeriesSetup setup) {
      this(SeriesSetup.checked(setup, MetricType.GAUGE).labels, setup.startEpochNanos);
    }

    /** Sets the value: one release store, wait-free. */
    public final void set(double value) {
      cell.set(value);
    }

    /** Adds one to the value: a compare-and-set loop, lock-free. */
    public final void inc() {
      cell.add(1);
    }

    /** Subtracts one from the value: a compare-and-set loop, lock-free. */
    public final void dec() {
      cell.add(-1);
    }

    /** Adds {@code delta}, which may be negative: a compare-and-set loop, lock-free. */
    public final void add(double delta) {
      cell.add(delta);
    }

    /** The current value. */
    public final double get() {
      return cell.get();
    }

    /** The labels of this series. */
    public final Labels labels() {
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

    /** Registers the gauge, or returns the one already registered with the same settings. */
    public Gauge register() {
      InstrumentDescriptor descriptor = descriptor("gauge", MetricType.GAUGE, "");
      return registry.register(descriptor, Gauge.class,
          () -> new Gauge(descriptor, cardinalityLimit, registry));
    }

    /**
     * Registers a value read at each collection, for a gauge without label names. A callback that
     * throws is logged once and its series skipped; the collection goes on. Concurrent
     * collections may call it at the same time.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(DoubleSupplier value) {
      return callback(unlabelled(value));
    }

    /**
     * Registers a callback that reports one value per series at each collection, with label
     * values for the builder's label names:
     *
     * <pre>{@code
     * registry.gauge("queue.depth").labelNames("queue")
     *     .callback(out -> queues.forEach((name, q) -> out.record(q.size(), name)));
     * }</pre>
     *
     * A series not reported in a collection is absent from it; see {@link Observations} for
     * what is skipped. A callback that throws is logged once and its series skipped; the
     * collection goes on. Concurrent collections may call it at the same time, each with
     * observations of its own.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(Consumer<Observations> callback) {
      return registerCallback("callback gauge", MetricType.GAUGE, callback);
    }
  }
}
