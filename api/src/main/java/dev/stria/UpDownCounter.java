package dev.stria;

import dev.stria.core.internal.StripedCounter;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A sum that goes up and down: queue length, connections open. Unlike a {@link Gauge}, its
 * changes add up across threads and its deltas are meaningful.
 *
 * <pre>{@code
 * UpDownCounter queued = registry.upDownCounter("jobs.queued").register();
 * queued.inc();
 * queued.dec();
 * }</pre>
 *
 * <p>Whole increments are wait-free: on the calling thread's own stripe a plain add published
 * with a release store, no atomic instruction; only when another thread owns the calling
 * thread's stripe slot, one atomic add on a shared stripe. Fractional ones are plain adds on the
 * thread's own stripe and lock-free (a compare-and-set loop) on a shared one. Nothing allocates.
 * NaN and infinite amounts are an {@link IllegalArgumentException}. A sum whose exact whole part
 * would pass the range of a {@code long} goes on as a {@code double} instead of wrapping.
 */
public final class UpDownCounter extends LabeledInstrument<UpDownCounter.Series> {

  UpDownCounter(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(descriptor.name(), labels, registry.nowEpochNanos()),
        series -> series.state);
  }

  /** Adds one (up-down counter without label names). */
  public void inc() {
    unlabelled().inc();
  }

  /** Subtracts one (up-down counter without label names). */
  public void dec() {
    unlabelled().dec();
  }

  /** Adds {@code amount}, which may be negative (up-down counter without label names). */
  public void add(long amount) {
    unlabelled().add(amount);
  }

  /**
   * Adds {@code amount}, a finite number that may be negative (up-down counter without label
   * names).
   */
  public void add(double amount) {
    unlabelled().add(amount);
  }

  /**
   * One labelled series of an up-down counter.
   *
   * <p>Not final, so that a bridge can make its own API's bound instrument the series itself
   * (one object less on each bound call); every method is final but {@link #rejected(double)},
   * which says what a NaN or infinite amount does, and only a registry creates series.
   */
  public static class Series {
    private final String name;
    private final StripedCounter cell = new StripedCounter();
    final SumSeries state;

    Series(String name, Labels labels, long startEpochNanos) {
      this.name = name;
      this.state = new SumSeries(labels, startEpochNanos, cell, null);
    }

    /**
     * For a bridge whose own API's bound instrument should be the series itself (see {@link
     * ScopedInstruments}'s {@code upDownCounter} with a series factory); as {@link
     * Counter.Series#Series(SeriesSetup)}.
     *
     * @throws IllegalArgumentException if {@code setup} is null or not an up-down counter's
     */
    protected Series(SeriesSetup setup) {
      this(SeriesSetup.checked(setup, MetricType.UP_DOWN_COUNTER).descriptor.name(),
          setup.labels, setup.startEpochNanos);
    }

    /** Adds one: a plain add on the calling thread's own stripe (see the class javadoc). */
    public final void inc() {
      cell.add(1L);
    }

    /** Subtracts one. */
    public final void dec() {
      cell.add(-1L);
    }

    /** Adds {@code amount}, which may be negative. */
    public final void add(long amount) {
      if (((amount + SumSeries.LARGE) >>> (SumSeries.LARGE_BITS + 1)) == 0) { // |amount| < 2^32
        cell.add(amount);
      } else {
        cell.add((double) amount); // keeps a stripe's exact long slot from wrapping
      }
    }

    /**
     * Adds {@code amount}, which must be finite: a NaN or an infinity would poison the sum for
     * the rest of the series' life.
     *
     * @throws IllegalArgumentException if {@code amount} is NaN or infinite
     */
    public final void add(double amount) {
      long whole = (long) amount;
      if (whole == amount && ((whole + SumSeries.LARGE) >>> (SumSeries.LARGE_BITS + 1)) == 0) {
        cell.add(whole);
      } else if (Double.isFinite(amount)) {
        cell.add(amount);
      } else {
        rejected(amount);
      }
    }

    /**
     * What a NaN or infinite amount does; nothing is added either way. Stria's own series throw;
     * a bridge whose API drops such values instead overrides this to do so. Called only on that
     * rare path, so the valid-value path of a series never dispatches.
     *
     * @throws IllegalArgumentException always, naming the up-down counter and the amount, unless
     *     overridden
     */
    protected void rejected(double amount) {
      throw new IllegalArgumentException(
          "up-down counter '" + name + "' cannot add " + amount
              + ": increments must be finite numbers");
    }

    /** The labels of this series. */
    public final Labels labels() {
      return state.labels;
    }
  }

  /**
   * Builds an up-down counter: {@code registry.upDownCounter(name)...register()}, or {@code
   * callback(...)} for a sum read at collection time.
   */
  public static final class Builder extends InstrumentBuilder<Builder> {
    Builder(MeterRegistry registry, String name) {
      super(registry, name);
    }

    /** Registers the up-down counter, or returns the one already registered the same way. */
    public UpDownCounter register() {
      InstrumentDescriptor descriptor =
          descriptor("up-down counter", MetricType.UP_DOWN_COUNTER, "");
      return registry.register(descriptor, UpDownCounter.class,
          () -> new UpDownCounter(descriptor, cardinalityLimit, registry));
    }

    /**
     * Registers a sum read at collection time (a pool's size, a queue's length), for an up-down
     * counter without label names. A callback that throws is logged once and its series
     * skipped; the collection goes on. Concurrent collections may call it at the same time.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(DoubleSupplier sum) {
      return callback(unlabelled(sum));
    }

    /**
     * Registers a callback that reports one current sum per series at each collection, with
     * label values for the builder's label names:
     *
     * <pre>{@code
     * registry.upDownCounter("queue.depth").labelNames("queue")
     *     .callback(out -> queues.forEach((name, q) -> out.record(q.size(), name)));
     * }</pre>
     *
     * Delta readers get each series' change since they reported it last; a series not reported
     * in a collection is absent from it and starts over when it comes back. See {@link
     * Observations} for what is skipped. A callback that throws is logged once and its series
     * skipped; the collection goes on. Concurrent collections may call it at the same time.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(Consumer<Observations> callback) {
      return registerCallback("callback up-down counter", MetricType.UP_DOWN_COUNTER, callback);
    }
  }
}
