package dev.stria;

import java.util.ArrayList;
import java.util.List;

/**
 * The three instruments an {@link Operation} records into, named and labelled by its {@link
 * Operation.Naming}, and the layout of their label values.
 *
 * <p>The calls counter and the duration histogram carry the scheme's leading labels ({@code
 * span.name} for spanmetrics, none for Stria's names), the operation's label names, then the
 * status label; the calls in flight carry the same without the status, which a call in flight does
 * not have yet. The instruments themselves have no cardinality limit: the operation's series table
 * bounds how many label sets reach them.
 */
final class OperationMetrics {
  /** The spanmetrics connector's default explicit buckets, in milliseconds. */
  static final double[] SPANMETRICS_BUCKETS_MS =
      {2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10_000, 15_000};

  static final String SPANMETRICS_NAMESPACE = "traces.span.metrics";
  static final String SPAN_NAME = "span.name";
  static final String STATUS_CODE = "status.code";
  static final String STRIA_STATUS = "status";

  private final String name;
  private final String[] leadingValues;
  private final String okValue;
  private final String errorValue;
  private final Counter calls;
  private final Histogram duration;
  private final UpDownCounter active;

  private OperationMetrics(String name, String[] leadingValues, String okValue,
      String errorValue, Counter calls, Histogram duration, UpDownCounter active) {
    this.name = name;
    this.leadingValues = leadingValues;
    this.okValue = okValue;
    this.errorValue = errorValue;
    this.calls = calls;
    this.duration = duration;
    this.active = active;
  }

  static OperationMetrics register(MeterRegistry registry, String name, Operation.Naming naming,
      String[] labelNames, double[] buckets, int maxExponentialBuckets, boolean exemplars) {
    boolean spanMetrics = naming == Operation.Naming.SPANMETRICS;
    String prefix = spanMetrics ? SPANMETRICS_NAMESPACE : NameRules.instrumentName(name);
    String[] leadingNames = spanMetrics ? new String[] {SPAN_NAME} : new String[0];
    String status = spanMetrics ? STATUS_CODE : STRIA_STATUS;
    for (String label : labelNames) {
      String underscored = label.replace('.', '_');
      for (String own : spanMetrics ? List.of(SPAN_NAME, STATUS_CODE) : List.of(STRIA_STATUS)) {
        if (underscored.equals(own.replace('.', '_'))) {
          throw new IllegalArgumentException("label name '" + label + "' of operation '" + name
              + "' is taken: " + naming + " names label its metrics with '" + own + "' already");
        }
      }
    }
    String[] withStatus = concat(leadingNames, labelNames, status);
    String[] inFlight = concat(leadingNames, labelNames, null);
    String what = spanMetrics ? "spans" : "calls of " + name;

    Counter calls = registry.counter(prefix + ".calls")
        .unit(spanMetrics ? "" : "{call}")
        .description("Finished " + what + ", by status")
        .labelNames(withStatus).cardinalityLimit(Integer.MAX_VALUE).exemplars(exemplars)
        .register();
    Histogram.Builder durationBuilder = registry.histogram(prefix + ".duration")
        .unit(spanMetrics ? "ms" : "s")
        .description("Duration of " + what + ", by status")
        .labelNames(withStatus).cardinalityLimit(Integer.MAX_VALUE).exemplars(exemplars);
    if (buckets != null) {
      durationBuilder.buckets(buckets);
    } else if (spanMetrics && maxExponentialBuckets == 0) {
      durationBuilder.buckets(SPANMETRICS_BUCKETS_MS);
    }
    if (maxExponentialBuckets > 0) {
      durationBuilder.exponential(maxExponentialBuckets);
    }
    Histogram duration = durationBuilder.register();
    UpDownCounter active = registry.upDownCounter(prefix + ".active")
        .unit(spanMetrics ? "" : "{call}")
        .description((spanMetrics ? "Spans" : "Calls of " + name) + " started and not yet ended")
        .labelNames(inFlight).cardinalityLimit(Integer.MAX_VALUE).register();
    return new OperationMetrics(name, spanMetrics ? new String[] {name} : new String[0],
        spanMetrics ? "STATUS_CODE_OK" : "ok", spanMetrics ? "STATUS_CODE_ERROR" : "error",
        calls, duration, active);
  }

  String name() {
    return name;
  }

  /** The series of one label set of the operation: both statuses and the calls in flight. */
  Operation.Series series(String[] values) {
    String[] ok = concat(leadingValues, values, okValue);
    String[] error = concat(leadingValues, values, errorValue);
    return new Operation.Series(
        new CallOutcome(calls.labels(ok), duration.labels(ok)),
        new CallOutcome(calls.labels(error), duration.labels(error)),
        active.labels(concat(leadingValues, values, null)));
  }

  /**
   * The series past the operation's cardinality limit: each metric's overflow series, which has
   * no status label, so both statuses record into it.
   */
  Operation.Series overflowSeries() {
    CallOutcome overflow =
        new CallOutcome(calls.overflowSeries(), duration.overflowSeries());
    return new Operation.Series(overflow, overflow, active.overflowSeries());
  }

  private static String[] concat(String[] leading, String[] middle, String last) {
    List<String> all = new ArrayList<>(List.of(leading));
    all.addAll(List.of(middle));
    if (last != null) {
      all.add(last);
    }
    return all.toArray(new String[0]);
  }
}
