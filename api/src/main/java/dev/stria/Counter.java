package dev.stria;

import dev.stria.core.internal.StripedCounter;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A monotonic sum: requests served, bytes sent, errors.
 *
 * <pre>{@code
 * Counter requests = registry.counter("http.server.requests")
 *     .description("Requests handled").unit("1")
 *     .labelNames("method", "status").register();
 * Counter.Series ok = requests.labels("GET", "200");   // cache it on hot paths
 * ok.inc();
 * ok.add(3);
 * }</pre>
 *
 * <p><b>Recording</b> allocates nothing and is wait-free for whole increments ({@code inc()},
 * {@code add(long)}, and {@code add(double)} of a whole number): on the calling thread's own
 * stripe it is a plain add published with a release store, no atomic instruction; only when
 * another thread already owns the calling thread's stripe slot (more recording threads than
 * stripes) does it become one atomic add on a shared stripe. A fractional {@code add(double)} is
 * a plain add on the thread's own stripe and lock-free (a compare-and-set loop) on a shared one.
 * A negative, NaN or infinite increment is an {@link IllegalArgumentException}; nothing is
 * recorded then.
 *
 * <p><b>Totals never decrease or wrap.</b> Whole increments are summed exactly up to
 * 2<sup>63</sup>&nbsp;-&nbsp;1; past that the total goes on growing as a {@code double}
 * (exporters see every total as a double, exact up to 2<sup>53</sup>).
 */
public final class Counter extends LabeledInstrument<Counter.Series> {

  Counter(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry,
      ExemplarSettings exemplars) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(descriptor.name(), labels, registry.nowEpochNanos(), exemplars),
        series -> series.state);
  }

  /** Adds one (instrument without label names). */
  public void inc() {
    unlabelled().inc();
  }

  /** Adds {@code amount}, which must not be negative (instrument without label names). */
  public void add(long amount) {
    unlabelled().add(amount);
  }

  /** Adds {@code amount}, which must be a non-negative number (instrument without label names). */
  public void add(double amount) {
    unlabelled().add(amount);
  }

  /**
   * Adds one and keeps it as the counter's exemplar, with the given trace (instrument without
   * label names); see {@link Series#incWithExemplar}.
   */
  public void incWithExemplar(String traceId, String spanId) {
    unlabelled().incWithExemplar(traceId, spanId);
  }

  /**
   * One labelled series of a counter: keep it and record into it.
   *
   * <p><b>Exemplar.</b> With exemplars on (the default) and the OpenTelemetry API present, an
   * increment made while a sampled span is current may be kept as the series' one exemplar: at
   * most one look at the current span per series every 100 ms, and an exemplar is kept at least 7
   * s before a newer one replaces it (see the README's "Exemplars").
   *
   * <p>Not final, so that a bridge can make its own API's bound instrument the series itself
   * (one object less on each bound call); every method is final but {@link
   * #rejected(double)}, which says what an invalid increment does, and only a registry creates
   * series.
   */
  public static class Series extends ExemplarSeries {
    private final String name;
    private final StripedCounter cell = new StripedCounter();
    final SumSeries state;

    Series(String name, Labels labels, long startEpochNanos, ExemplarSettings exemplars) {
      super(exemplars);
      this.name = name;
      this.state = new SumSeries(labels, startEpochNanos, cell, this);
    }

    /**
     * For a bridge whose own API's bound instrument should be the series itself (see {@link
     * ScopedInstruments}'s {@code counter} with a series factory): only a registry makes a
     * {@link SeriesSetup}, so a series is still only ever created by its instrument. A subclass
     * adds methods and may say what an invalid increment does ({@link #rejected(double)});
     * every other method is final, so it never changes how a series records.
     *
     * @throws IllegalArgumentException if {@code setup} is null or not a counter's
     */
    protected Series(SeriesSetup setup) {
      this(SeriesSetup.checked(setup, MetricType.COUNTER).descriptor.name(), setup.labels,
          setup.startEpochNanos, setup.exemplars);
    }

    /** Adds one: a plain add on the calling thread's own stripe (see the class javadoc). */
    public final void inc() {
      cell.add(1L);
      if (exemplarDue()) {
        offerFromSpan(1, NO_TIME);
      }
    }

    /** Adds one, at the end of a call timed at {@code nanoTime} (its exemplar's time). */
    final void inc(long nanoTime) {
      cell.add(1L);
      if (exemplarDue()) {
        offerFromSpan(1, nanoTime);
      }
    }

    /**
     * Adds one and keeps it as this series' exemplar with the given trace and span, whatever the
     * current span; nothing is kept when exemplars are off. Allocates the exemplar: meant for
     * the few requests one wants to find again, not for every one.
     *
     * @param traceId 32 lowercase hex digits, not all zero
     * @param spanId 16 lowercase hex digits, not all zero
     * @throws IllegalArgumentException if an id is malformed (nothing is added then)
     */
    public final void incWithExemplar(String traceId, String spanId) {
      addWithExemplar(1, traceId, spanId);
    }

    /**
     * Adds {@code amount} (as {@link #add(double)}) and keeps it as this series' exemplar with the
     * given trace and span (as {@link #incWithExemplar}).
     *
     * @throws IllegalArgumentException if {@code amount} or an id is invalid (nothing is added)
     */
    public final void addWithExemplar(double amount, String traceId, String spanId) {
      if (!valid(amount)) {
        rejected(amount);
        return;
      }
      keep(amount, traceId, spanId);
      add(amount);
    }

    /**
     * Adds {@code amount}, which must not be negative.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public final void add(long amount) {
      if ((amount >>> SumSeries.LARGE_BITS) == 0) { // also false for negative amounts
        cell.add(amount);
        if (exemplarDue()) {
          offerFromSpan(amount, NO_TIME);
        }
      } else {
        addLarge(amount);
      }
    }

    /**
     * Adds {@code amount}, which must be a finite non-negative number; whole numbers are summed
     * exactly.
     *
     * @throws IllegalArgumentException if {@code amount} is negative, NaN or infinite
     */
    public final void add(double amount) {
      long whole = (long) amount;
      if (whole == amount && (whole >>> SumSeries.LARGE_BITS) == 0) {
        cell.add(whole);
        if (exemplarDue()) {
          offerFromSpan(amount, NO_TIME);
        }
      } else {
        addLarge(amount);
      }
    }

    /**
     * The rare path: a negative, non-finite, fractional or very large increment. Whole amounts of
     * 2<sup>32</sup> and more go to the double slot, so a stripe's exact long slot cannot wrap
     * between two collections. An invalid amount adds nothing and offers no exemplar.
     */
    private void addLarge(double amount) {
      if (!valid(amount)) {
        rejected(amount);
        return;
      }
      cell.add(amount);
      if (exemplarDue()) {
        offerFromSpan(amount, NO_TIME);
      }
    }

    private static boolean valid(double amount) {
      return amount >= 0 && amount != Double.POSITIVE_INFINITY; // false for NaN too
    }

    /**
     * What an invalid increment (negative, NaN or infinite) does; nothing is added either way.
     * Stria's own series throw; a bridge whose API drops such values instead (OpenTelemetry's
     * counters warn and go on) overrides this to do so. Called only on that rare path, so the
     * valid-value path of a series never dispatches.
     *
     * @throws IllegalArgumentException always, naming the counter and the amount, unless
     *     overridden
     */
    protected void rejected(double amount) {
      throw new IllegalArgumentException(
          "counter '" + name + "' cannot add " + amount + ": increments must be finite"
              + " non-negative numbers (use an up-down counter for values that go down)");
    }

    /** The labels of this series. */
    public final Labels labels() {
      return state.labels;
    }

    @Override
    final int slotOf(double value) {
      return 0;
    }

    @Override
    final int slotCount() {
      return 1;
    }
  }

  /**
   * Builds a counter: {@code registry.counter(name)...register()}, or {@code callback(...)} for a
   * total read at collection time.
   */
  public static final class Builder extends InstrumentBuilder<Builder> {
    private boolean exemplars = true;

    Builder(MeterRegistry registry, String name) {
      super(registry, name);
    }

    /**
     * Whether the counter keeps an exemplar (default: true, when its registry's are on). Off, no
     * recording ever looks at the current span or loads OpenTelemetry. The setting of the first
     * registration of a name stays.
     */
    public Builder exemplars(boolean exemplars) {
      this.exemplars = exemplars;
      return this;
    }

    /** Registers the counter, or returns the one already registered with the same settings. */
    public Counter register() {
      InstrumentDescriptor descriptor = descriptor("counter", MetricType.COUNTER, "");
      return registry.register(descriptor, Counter.class,
          () -> new Counter(descriptor, cardinalityLimit, registry,
              registry.exemplarSettings(exemplars)));
    }

    /**
     * Registers a monotonic total read at collection time (GC counts, bytes read by a library),
     * for a counter without label names. A callback that throws is logged once and its series
     * skipped; the collection goes on. Concurrent collections may call it at the same time.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(DoubleSupplier total) {
      return callback(unlabelled(total));
    }

    /**
     * Registers a callback that reports one monotonic total per series at each collection, with
     * label values for the builder's label names:
     *
     * <pre>{@code
     * registry.counter("jvm.gc.collections").labelNames("jvm.gc.name")
     *     .callback(out -> {
     *       for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
     *         out.record(gc.getCollectionCount(), gc.getName());
     *       }
     *     });
     * }</pre>
     *
     * Delta readers get each series' difference from the total they reported last (a total that
     * went down counts as new in full); a series not reported in a collection is absent from it
     * and starts over when it comes back. See {@link Observations} for what is skipped. A
     * callback that throws is logged once and its series skipped; the collection goes on.
     * Concurrent collections may call it at the same time, each with observations of its own.
     *
     * @return the handle whose {@code close()} unregisters the callback
     */
    public Registration callback(Consumer<Observations> callback) {
      return registerCallback("callback counter", MetricType.COUNTER, callback);
    }
  }
}
