package dev.stria;

import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExplicitBucketHistogram;
import dev.stria.core.internal.ExponentialHistogram;
import dev.stria.core.internal.ExponentialHistogramData;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A distribution of values — latencies, sizes — with explicit buckets or base-2 exponential
 * buckets, or both.
 *
 * <pre>{@code
 * Histogram latency = registry.histogram("http.server.duration").unit("s")
 *     .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)   // the default
 *     .labelNames("route").register();
 * Histogram.Series orders = latency.labels("/orders");
 * orders.observe(0.042);
 * try (Timer t = orders.startTimer()) {
 *   handle();
 * }
 * Histogram sizes = registry.histogram("rpc.payload.size").unit("By").exponential().register();
 * }</pre>
 *
 * <p><b>Defaults:</b> explicit buckets with Prometheus' bounds ({@code .005 ... 10}); with {@link
 * Builder#exponential()} a base-2 exponential histogram of at most 160 buckets; with both {@code
 * buckets(...)} and {@code exponential()}, an exponential histogram whose points also carry the
 * explicit-bucket view (Prometheus exposes both as one histogram).
 *
 * <p><b>Recording</b> allocates nothing. The bucket count is wait-free: on the calling thread's
 * own stripe a plain add published with a release store, no atomic instruction; only when another
 * thread owns the calling thread's stripe slot, one atomic add on a shared stripe. The double sum
 * is a plain add on the thread's own stripe and a lock-free compare-and-set loop on a shared one;
 * min and max are lock-free compare-and-sets that write only on a new extreme. Exponential
 * buckets are counted with atomic adds on every stripe (see the {@code histogram-core} cells);
 * with explicit buckets as well, each value is still counted once, in one cell whose counts serve
 * both views, so every collection presents both with the same count. Timers on an explicit-only
 * histogram record nanoseconds as a {@code long}, so their sum is a wait-free add too. NaN and
 * infinite values are not recorded (counted as dropped).
 */
public final class Histogram extends LabeledInstrument<Histogram.Series> {

  Histogram(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry,
      BucketBounds bounds, int maxExponentialBuckets, ExemplarSettings exemplars) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(descriptor, labels, registry.nowEpochNanos(), bounds,
            maxExponentialBuckets, exemplars),
        series -> series.state);
  }

  /**
   * Records {@code value} (histogram without label names); NaN and infinities are not recorded.
   */
  public void observe(double value) {
    unlabelled().observe(value);
  }

  /**
   * Records {@code value} and keeps it as its bucket's exemplar with the given trace (histogram
   * without label names); see {@link Series#observeWithExemplar}.
   */
  public void observeWithExemplar(double value, String traceId, String spanId) {
    unlabelled().observeWithExemplar(value, traceId, spanId);
  }

  /** A timer that records into this histogram when closed (instrument without label names). */
  public Timer startTimer() {
    return unlabelled().startTimer();
  }

  /** Runs {@code body} and records how long it took, also when it throws. */
  public void time(Runnable body) {
    unlabelled().time(body);
  }

  /** Runs {@code body}, records how long it took, also when it throws, and returns its result. */
  public <T> T time(Supplier<T> body) {
    return unlabelled().time(body);
  }

  /** As {@link #time(Supplier)}, for bodies that throw checked exceptions. */
  public <T> T timeChecked(Callable<T> body) throws Exception {
    return unlabelled().timeChecked(body);
  }

  /**
   * One labelled series of a histogram: keep it and record into it.
   *
   * <p><b>Exemplars.</b> With exemplars on (the default) and the OpenTelemetry API present, a
   * value recorded while a sampled span is current may be kept as an exemplar: one per explicit
   * bucket, or four for a histogram with exponential buckets only (the smallest and largest
   * values and two recent others). A series looks at the current span at most once every 100 ms,
   * and a bucket's exemplar is kept at least 7 s; a lookup skipped because a bucket's exemplar is
   * still young is saved for a rarer bucket (see the README's "Exemplars").
   *
   * <p>Not final, so that a bridge can make its own API's bound instrument the series itself
   * (one object less on each bound call); every method is final, and only a registry creates
   * series.
   */
  public static class Series extends ExemplarSeries {
    private final String name;
    private final String unit;
    private final ExplicitBucketHistogram classic;
    private final ExponentialHistogram exponential;
    private final BucketBounds exemplarBuckets; // null: FEW slots
    private final double nanosecondValue;
    final CollectableSeries state;

    Series(InstrumentDescriptor descriptor, Labels labels, long startEpochNanos,
        BucketBounds bounds, int maxExponentialBuckets, ExemplarSettings exemplars) {
      super(exemplars);
      this.exemplarBuckets = bounds;
      this.name = descriptor.name();
      this.unit = descriptor.unit();
      this.nanosecondValue = TimeUnits.nanosecondValue(unit);
      if (maxExponentialBuckets > 0) {
        // With bounds too, one cell feeds both views (ExplicitView): they never disagree.
        this.classic = null;
        this.exponential =
            new ExponentialHistogram(ExponentialHistogram.DEFAULT_RECORDING_SCALE, bounds);
        this.state = new ExponentialSeries(labels, startEpochNanos, exponential,
            maxExponentialBuckets, this);
      } else {
        this.classic = new ExplicitBucketHistogram(bounds);
        this.exponential = null;
        this.state = new ExplicitSeries(labels, startEpochNanos, classic, this);
      }
    }

    /**
     * For a bridge whose own API's bound instrument should be the series itself (see {@link
     * ScopedInstruments}'s {@code histogram} with a series factory): only a registry makes a
     * {@link SeriesSetup}, so a series is still only ever created by its instrument. Every
     * method of this class is final: a subclass adds methods and never changes how a series
     * records, and no call site of Stria's own ever dispatches.
     *
     * @throws IllegalArgumentException if {@code setup} is null or not a histogram's
     */
    protected Series(SeriesSetup setup) {
      this(SeriesSetup.checked(setup, MetricType.HISTOGRAM).descriptor, setup.labels,
          setup.startEpochNanos, setup.bounds, 0, setup.exemplars);
    }

    /** Records {@code value}; NaN and infinities are not recorded (counted as dropped). */
    public final void observe(double value) {
      if (classic != null) {
        classic.record(value);
      } else {
        exponential.record(value);
      }
      if (exemplarDue()) {
        offerFromSpan(value, NO_TIME);
      }
    }

    /**
     * Records {@code value} and keeps it as its bucket's exemplar with the given trace and span,
     * whatever the current span; nothing is kept when exemplars are off. Allocates the exemplar:
     * meant for the few requests one wants to find again, not for every one.
     *
     * @param traceId 32 lowercase hex digits, not all zero
     * @param spanId 16 lowercase hex digits, not all zero
     * @throws IllegalArgumentException if an id is malformed (nothing is recorded then)
     */
    public final void observeWithExemplar(double value, String traceId, String spanId) {
      if (Double.isFinite(value)) {
        keep(value, traceId, spanId);
      }
      observe(value);
    }

    /** Records a duration that ended at {@code endNanoTime} (its exemplar's time). */
    final void recordNanos(long nanos, long endNanoTime) {
      if (classic != null) {
        classic.recordLong(nanos);
      } else {
        exponential.record(nanos * nanosecondValue);
      }
      if (exemplarDue()) {
        offerFromSpan(nanos * nanosecondValue, endNanoTime);
      }
    }

    @Override
    final int slotOf(double value) {
      return exemplarBuckets == null ? -1 : exemplarBuckets.indexOf(value);
    }

    @Override
    final int slotCount() {
      return exemplarBuckets == null ? FEW : exemplarBuckets.bucketCount();
    }

    /**
     * A timer that records the elapsed time into this series when closed.
     *
     * @throws IllegalStateException if the histogram's unit is not a time unit
     */
    public final Timer startTimer() {
      if (Double.isNaN(nanosecondValue)) {
        throw new IllegalStateException(
            "histogram '" + name + "' has unit '" + unit + "', which is not a time unit: timers"
                + " need s, ms, us, ns, min, h or no unit (seconds)");
      }
      return new Timer(this, System.nanoTime());
    }

    /** Runs {@code body} and records how long it took, also when it throws. */
    public final void time(Runnable body) {
      try (Timer t = startTimer()) {
        body.run();
      }
    }

    /** Runs {@code body}, records how long it took, also when it throws, and returns its result. */
    public final <T> T time(Supplier<T> body) {
      try (Timer t = startTimer()) {
        return body.get();
      }
    }

    /** As {@link #time(Supplier)}, for bodies that throw checked exceptions. */
    public final <T> T timeChecked(Callable<T> body) throws Exception {
      try (Timer t = startTimer()) {
        return body.call();
      }
    }
  }

  /** Builds a histogram: {@code registry.histogram(name)...register()}. */
  public static final class Builder extends InstrumentBuilder<Builder> {
    private double[] bounds;
    private int maxExponentialBuckets;
    private boolean exemplars = true;

    Builder(MeterRegistry registry, String name) {
      super(registry, name);
    }

    /**
     * Whether the histogram keeps exemplars (default: true, when its registry's are on). Off, no
     * recording ever looks at the current span or loads OpenTelemetry. The setting of the first
     * registration of a name stays.
     */
    public Builder exemplars(boolean exemplars) {
      this.exemplars = exemplars;
      return this;
    }

    /**
     * Explicit bucket bounds: finite, strictly increasing, inclusive upper bounds ({@code v <=
     * le}); {@code +Inf} is implied. Default: Prometheus' {@code .005 ... 10}.
     */
    public Builder buckets(double... bounds) {
      new BucketBounds(bounds); // validates, naming the offending bound
      this.bounds = bounds.clone();
      return this;
    }

    /** Base-2 exponential buckets, at most 160 of them. */
    public Builder exponential() {
      return exponential(ExponentialHistogramData.DEFAULT_MAX_BUCKETS);
    }

    /** Base-2 exponential buckets, at most {@code maxBuckets} (at least 2) of them. */
    public Builder exponential(int maxBuckets) {
      if (maxBuckets < 2) {
        throw new IllegalArgumentException(
            "exponential histogram '" + name + "' needs maxBuckets of at least 2, got "
                + maxBuckets);
      }
      this.maxExponentialBuckets = maxBuckets;
      return this;
    }

    /** The bounds, whose whole nanoseconds a timer of {@code unit} records exactly. */
    static BucketBounds bucketBounds(double[] explicit, String unit) {
      double nanos = TimeUnits.nanosecondValue(unit);
      return new BucketBounds(explicit, Double.isNaN(nanos) ? 1.0 : nanos);
    }

    /**
     * Registers the histogram, or returns the one already registered with the same settings.
     *
     * @throws IllegalArgumentException if a label is named {@code le} (Prometheus' bucket label)
     *     or the name is taken by a different registration
     */
    public Histogram register() {
      NameRules.histogramLabelNames(name, labelNames);
      boolean exponential = maxExponentialBuckets > 0;
      double[] explicit = bounds != null || exponential ? bounds : BucketBounds.prometheusDefault();
      BucketBounds bucketBounds = explicit == null ? null : bucketBounds(explicit, unit);
      String aggregation = (explicit == null ? "" : "buckets " + Arrays.toString(explicit))
          + (exponential ? (explicit == null ? "" : " and ") + "exponential(" + maxExponentialBuckets
              + ")" : "");
      InstrumentDescriptor descriptor = descriptor("histogram",
          exponential ? MetricType.EXPONENTIAL_HISTOGRAM : MetricType.HISTOGRAM, aggregation);
      BucketBounds finalBounds = bucketBounds;
      return registry.register(descriptor, Histogram.class,
          () -> new Histogram(descriptor, cardinalityLimit, registry, finalBounds,
              maxExponentialBuckets, registry.exemplarSettings(exemplars)));
    }
  }
}
