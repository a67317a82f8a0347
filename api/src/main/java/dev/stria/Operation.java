package dev.stria;

import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExponentialHistogramData;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A unit of work measured the RED way in one instrument: its calls by status (rate and errors),
 * their duration, and the calls in flight.
 *
 * <pre>{@code
 * Operation checkout = registry.operation("checkout").labelNames("route").register();
 * Operation.Series orders = checkout.labels("/orders");   // look up once, keep it on hot paths
 * try (Operation.Call call = orders.start()) {
 *   handle();
 *   call.ok();                 // reached the end: this call succeeded
 * }                            // thrown out of the block before ok(): this call failed
 * Order order = orders.call(() -> load(id));   // OK when it returns, ERROR when it throws
 * }</pre>
 *
 * <p><b>Status.</b> A call is {@code OK} only if {@link Call#ok()} was called and {@link
 * Call#error()} was not; every other call is an {@code ERROR}. Try-with-resources cannot see an
 * exception, so this is how a body that throws is counted as an error: it never reaches {@code
 * ok()}. A call that forgets {@code ok()} shows as failing, which a dashboard makes plain at once,
 * rather than as succeeding, which would hide real failures. {@link Series#run(Runnable)}, {@link
 * Series#call(Supplier)} and {@link Series#callChecked(Callable)} mark the call themselves: OK when
 * the body returns, ERROR when it throws (the exception propagates unchanged).
 *
 * <p><b>What is recorded.</b> At {@link Series#start()}: one increment of the calls in flight and
 * one {@link System#nanoTime()}. At {@link Call#close()}: one {@code nanoTime()}, one increment of
 * the calls of the call's status, one observation of its duration in the histogram of that status,
 * one decrement of the calls in flight. Nothing allocates once JIT-compiled: escape analysis
 * removes the call object as it does a {@link Timer}'s (JMH {@code OperationBenchmark}, {@code
 * -prof gc}: 0 B/op); keep the call in the try statement's local variable for that. Each step
 * records on the calling thread's stripe with the progress guarantees of {@link Counter}, {@link
 * UpDownCounter} and {@link Timer} (see {@link Histogram}).
 *
 * <p><b>Names.</b> {@link Naming#STRIA} (the default) registers, for an operation {@code
 * checkout}, {@code checkout.calls} (counter, label {@code status} = {@code ok} | {@code error}),
 * {@code checkout.duration} (histogram in seconds, same labels) and {@code checkout.active}
 * (up-down counter), each also with the operation's own label names. {@link Naming#SPANMETRICS}
 * registers the names of the OpenTelemetry Collector's spanmetrics connector instead: see there.
 * Registering an operation again with the same settings returns one that records into the same
 * series.
 *
 * <p><b>Defaults:</b> {@link Naming#STRIA}; explicit duration buckets of the naming scheme
 * (Prometheus' {@code .005 ... 10} s, or spanmetrics' {@code 2 ... 15000} ms); at most 2000 label
 * sets (the registry's cardinality limit), further label sets are recorded into the series
 * labelled {@code otel_metric_overflow="true"} of each metric, without their status.
 */
public final class Operation {
  private final OperationMetrics metrics;
  private final LabelValueTable<Series> table;
  private final Series unlabelled;

  Operation(OperationMetrics metrics, String[] labelNames, int cardinalityLimit) {
    this.metrics = metrics;
    List<String> names = List.of(labelNames);
    // The table hands its factory the overflow label set once it is full; an operation's own
    // label names never include that label (the builder refuses it), so the names tell them apart.
    this.table = new LabelValueTable<>(metrics.name(), labelNames, cardinalityLimit,
        labels -> labels.names().equals(names)
            ? metrics.series(labels.values().toArray(new String[0]))
            : metrics.overflowSeries());
    this.unlabelled = labelNames.length == 0 ? table.get() : null;
  }

  /**
   * The series for these label values, one per label name in order, created on first use. The
   * same values return the same series: look it up once and keep it on hot paths.
   *
   * @throws IllegalArgumentException if the number of values differs from the label names or a
   *     value is null
   */
  public Series labels(String... values) {
    return table.get(values);
  }

  /** Starts a call (operation without label names); see {@link Series#start()}. */
  public Call start() {
    return unlabelled().start();
  }

  /** Runs {@code body} as one call (operation without label names); see {@link Series#run}. */
  public void run(Runnable body) {
    unlabelled().run(body);
  }

  /** Runs {@code body} as one call and returns its result; see {@link Series#call}. */
  public <T> T call(Supplier<T> body) {
    return unlabelled().call(body);
  }

  /** As {@link #call(Supplier)}, for bodies that throw checked exceptions. */
  public <T> T callChecked(Callable<T> body) throws Exception {
    return unlabelled().callChecked(body);
  }

  /** The operation's name: the metric prefix, or the {@code span.name} label value. */
  public String name() {
    return metrics.name();
  }

  private Series unlabelled() {
    if (unlabelled == null) {
      throw new IllegalStateException("operation '" + metrics.name() + "' has label names: start"
          + " its calls through labels(...)");
    }
    return unlabelled;
  }

  /**
   * How an operation names its metrics.
   *
   * <p>{@link #SPANMETRICS} matches the OpenTelemetry Collector's spanmetrics connector with its
   * default namespace and unit, so that PromQL and alert rules written for span metrics work on a
   * Stria-instrumented job: {@code traces.span.metrics.calls} (counter; Prometheus {@code
   * traces_span_metrics_calls_total}) and {@code traces.span.metrics.duration} (histogram in
   * milliseconds; Prometheus {@code traces_span_metrics_duration_milliseconds}, default buckets the
   * connector's {@code 2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000,
   * 15000} ms), both labelled {@code span.name} (the operation's name) and {@code status.code}
   * ({@code STATUS_CODE_OK} or {@code STATUS_CODE_ERROR}) plus the operation's own label names,
   * which play the connector's configured {@code dimensions}. The calls in flight, which the
   * connector cannot know (it sees finished spans), are {@code traces.span.metrics.active}
   * (up-down counter labelled {@code span.name} and the operation's labels).
   *
   * <p>Left out: {@code service.name} (a resource attribute here: OTLP sends it as such, and a
   * Prometheus scrape identifies the job by {@code job} and {@code instance}; add it with
   * {@code target_info} or relabelling if a query needs it), {@code span.kind} (an operation has
   * no kind; add a label if queries select on it), {@code STATUS_CODE_UNSET} (every call ends OK or
   * ERROR) and the connector's optional events metric. Exemplars of the current span, as the
   * connector's, come on both the calls and the duration (see {@link Builder#exemplars}). Operations of one registry share these metrics, told
   * apart by {@code span.name}, so they must declare the same label names and buckets; a
   * different declaration is an {@link IllegalArgumentException} naming both.
   */
  public enum Naming {
    /** {@code <name>.calls}, {@code <name>.duration} (seconds), {@code <name>.active}. */
    STRIA,
    /** The OpenTelemetry Collector spanmetrics connector's names (see {@link Naming}). */
    SPANMETRICS
  }

  /** One labelled series of an operation: keep it and start calls on it. */
  public static final class Series {
    private final CallOutcome ok;
    private final CallOutcome error;
    private final UpDownCounter.Series active;

    Series(CallOutcome ok, CallOutcome error, UpDownCounter.Series active) {
      this.ok = ok;
      this.error = error;
      this.active = active;
    }

    /**
     * Starts a call: counts it in flight and reads the clock. Close it, in try-with-resources,
     * after {@link Call#ok()} on success.
     */
    public Call start() {
      active.inc();
      return new Call(this, System.nanoTime());
    }

    /** Runs {@code body} as one call: OK when it returns, ERROR when it throws (and rethrows). */
    public void run(Runnable body) {
      try (Call call = start()) {
        body.run();
        call.ok();
      }
    }

    /** Runs {@code body} as one call and returns its result: OK if it returns, ERROR if it throws. */
    public <T> T call(Supplier<T> body) {
      try (Call call = start()) {
        T result = body.get();
        call.ok();
        return result;
      }
    }

    /** As {@link #call(Supplier)}, for bodies that throw checked exceptions. */
    public <T> T callChecked(Callable<T> body) throws Exception {
      try (Call call = start()) {
        T result = body.call();
        call.ok();
        return result;
      }
    }

    void finish(long startNanos, boolean succeeded) {
      long end = System.nanoTime();
      (succeeded ? ok : error).record(end - startNanos, end);
      active.dec();
    }
  }

  /**
   * One call of an operation, from {@link Series#start()} to {@link #close()}. A call belongs to
   * the thread that started it: its status setters are plain writes.
   *
   * <pre>{@code
   * try (Operation.Call call = orders.start()) {
   *   Response response = handle();
   *   if (response.status() >= 500) {
   *     call.error();          // failed without throwing
   *   }
   *   call.ok();               // ignored after error(): a call that failed stays failed
   * }
   * }</pre>
   */
  public static final class Call implements AutoCloseable {
    private final Series series;
    private final long startNanos;
    private boolean succeeded;
    private boolean failed;
    private boolean closed;

    Call(Series series, long startNanos) {
      this.series = series;
      this.startNanos = startNanos;
    }

    /** Marks the call as successful; without it, the call is an error when closed. */
    public void ok() {
      succeeded = true;
    }

    /** Marks the call as failed, whatever else happens before it is closed. */
    public void error() {
      failed = true;
    }

    /** Nanoseconds since the call started. */
    public long elapsedNanos() {
      return System.nanoTime() - startNanos;
    }

    /**
     * Records the call: its status, its duration, and one call fewer in flight. A second close
     * records nothing.
     */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        series.finish(startNanos, succeeded && !failed);
      }
    }
  }

  /**
   * Builds an operation: {@code registry.operation(name)...register()}.
   *
   * <pre>{@code
   * Operation checkout = registry.operation("checkout")
   *     .naming(Operation.Naming.SPANMETRICS)    // default STRIA
   *     .labelNames("route")                     // default none
   *     .buckets(5, 10, 25, 50, 100, 250)        // in the duration's unit: ms here
   *     .register();
   * }</pre>
   */
  public static final class Builder {
    private final MeterRegistry registry;
    private final String name;
    private Naming naming = Naming.STRIA;
    private String[] labelNames = new String[0];
    private double[] buckets;
    private int maxExponentialBuckets;
    private int cardinalityLimit;
    private boolean exemplars = true;

    Builder(MeterRegistry registry, String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException(
            "operation name " + (name == null ? "null" : "''") + " is invalid: it must not be"
                + " empty");
      }
      this.registry = registry;
      this.name = name;
      this.cardinalityLimit = registry.cardinalityLimit();
    }

    /** The metric names to record under. Default: {@link Naming#STRIA}. */
    public Builder naming(Naming naming) {
      if (naming == null) {
        throw new IllegalArgumentException("naming of operation '" + name + "' must not be null");
      }
      this.naming = naming;
      return this;
    }

    /**
     * The label names of the operation's series, in order; {@code labels(values...)} then takes
     * one value per name. The scheme's own labels ({@code status}; {@code span.name} and {@code
     * status.code}) and {@code otel_metric_overflow} are refused. Default: none.
     */
    public Builder labelNames(String... labelNames) {
      String[] checked = NameRules.labelNames(name, labelNames);
      for (String label : checked) {
        if (label.equals(SeriesTable.OVERFLOW_LABEL)) {
          throw new IllegalArgumentException("label name '" + label + "' of operation '" + name
              + "' is reserved for the series past the cardinality limit");
        }
      }
      this.labelNames = checked;
      return this;
    }

    /**
     * Explicit duration buckets, in the duration's unit: seconds for {@link Naming#STRIA},
     * milliseconds for {@link Naming#SPANMETRICS}. Finite, strictly increasing, inclusive upper
     * bounds. Default: Prometheus' {@code .005 ... 10} s, or the spanmetrics connector's {@code 2
     * ... 15000} ms.
     */
    public Builder buckets(double... bounds) {
      new BucketBounds(bounds); // validates, naming the offending bound
      this.buckets = bounds.clone();
      return this;
    }

    /**
     * Base-2 exponential duration buckets, at most 160 of them (with {@link #buckets} too, both
     * views, as {@link Histogram.Builder#exponential()}).
     */
    public Builder exponential() {
      return exponential(ExponentialHistogramData.DEFAULT_MAX_BUCKETS);
    }

    /** Base-2 exponential duration buckets, at most {@code maxBuckets} (at least 2) of them. */
    public Builder exponential(int maxBuckets) {
      if (maxBuckets < 2) {
        throw new IllegalArgumentException("operation '" + name + "' needs maxBuckets of at least"
            + " 2 for exponential buckets, got " + maxBuckets);
      }
      this.maxExponentialBuckets = maxBuckets;
      return this;
    }

    /**
     * The most label sets this operation keeps; calls of further label sets are recorded into
     * one series labelled {@code otel_metric_overflow="true"} per metric. Default: the
     * registry's (2000).
     */
    public Builder cardinalityLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException(
            "cardinality limit " + limit + " of operation '" + name + "' must be at least 1");
      }
      this.cardinalityLimit = limit;
      return this;
    }

    /**
     * Whether the calls and the duration keep exemplars of the current span, stamped with the
     * call's end (default: true, when the registry's are on). The first registration of the
     * metrics decides, as for {@link Histogram.Builder#exemplars}.
     */
    public Builder exemplars(boolean exemplars) {
      this.exemplars = exemplars;
      return this;
    }

    /**
     * Registers the operation's metrics, or finds them registered with the same settings.
     *
     * @throws IllegalArgumentException if a metric of the same name is registered otherwise
     *     (another instrument, or another operation with different label names or buckets under
     *     the shared spanmetrics names)
     */
    public Operation register() {
      OperationMetrics metrics = OperationMetrics.register(registry, name, naming, labelNames,
          buckets, maxExponentialBuckets, exemplars);
      return new Operation(metrics, labelNames, cardinalityLimit);
    }
  }
}
