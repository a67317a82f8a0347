package dev.stria.prometheus;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one collection of cumulative Stria snapshots into Prometheus snapshots (the rules are in
 * {@link PrometheusExporter}'s javadoc).
 *
 * <p>A metric that cannot be exposed (a delta snapshot, a name that collides with an earlier
 * metric after conversion) is left out of the scrape with one warning per name, so that one bad
 * instrument never fails a whole scrape. Not thread-safe: one collection at a time.
 */
final class SnapshotConverter {
  private static final System.Logger LOG = System.getLogger(SnapshotConverter.class.getName());
  private static final double[] NO_BOUNDS = {Double.POSITIVE_INFINITY};
  private static final String[] TARGET_INFO_NAMES = {"target_info"};
  private static final String[] NO_NAMES = {};

  private final InstrumentationScope readerScope;
  private final boolean scopeLabels;
  /** One label converter per instrumentation scope: each appends its scope's labels. */
  private final Map<InstrumentationScope, LabelConverter> labelsByScope = new HashMap<>();
  /** The converter of the metric being converted. */
  private LabelConverter labels;
  private final MetricNaming names = new MetricNaming();
  private final SampleNameClaims claims = new SampleNameClaims();
  private final io.prometheus.metrics.model.snapshots.MetricSnapshot targetInfo; // null: none
  private final Map<String, Boolean> warned = new ConcurrentHashMap<>();
  private double[] lastBounds = {};
  private double[] lastUpper = NO_BOUNDS;

  SnapshotConverter(Resource resource, InstrumentationScope scope, boolean targetInfo,
      boolean scopeLabels) {
    this.readerScope = scope;
    this.scopeLabels = scopeLabels;
    this.targetInfo =
        targetInfo && !resource.attributes().isEmpty() ? targetInfo(resource) : null;
  }

  private static String[] scopeLabels(InstrumentationScope scope) {
    return scope.version().isEmpty()
        ? new String[] {"otel_scope_name", scope.name()}
        : new String[] {"otel_scope_name", scope.name(), "otel_scope_version", scope.version()};
  }

  /**
   * Converts one collection. {@code createdTimestamps} decides whether counters and histograms
   * carry their series' start time as the created timestamp.
   */
  MetricSnapshots convert(List<MetricSnapshot> metrics, boolean createdTimestamps) {
    List<io.prometheus.metrics.model.snapshots.MetricSnapshot> out =
        new ArrayList<>(metrics.size() + 1);
    claims.begin(targetInfo != null ? TARGET_INFO_NAMES : NO_NAMES);
    if (targetInfo != null) {
      out.add(targetInfo);
    }
    try {
      convertInto(out, metrics, createdTimestamps);
    } finally {
      // Also after a failure, so that the next scrape starts afresh (the label converters
      // count positions within a scrape).
      labelsByScope.values().forEach(LabelConverter::endScrape);
      names.endScrape();
      claims.end();
    }
    return new MetricSnapshots(out);
  }

  private void convertInto(List<io.prometheus.metrics.model.snapshots.MetricSnapshot> out,
      List<MetricSnapshot> metrics, boolean createdTimestamps) {
    for (MetricSnapshot metric : metrics) {
      if (metric.points().isEmpty()) {
        continue;
      }
      if (metric.temporality() == Temporality.DELTA && metric.type() != MetricType.GAUGE) {
        warnOnce(metric.name(), "Prometheus needs cumulative data; delta metric '"
            + metric.name() + "' is left out (build the collector on a cumulative reader)");
        continue;
      }
      MetricNaming.Naming naming = names.of(metric);
      if (naming.metadata() == null) {
        warnOnce(metric.name(), "metric '" + metric.name() + "' cannot be exposed to Prometheus"
            + " and is left out: " + naming.problem());
        continue;
      }
      if (!claims.claim(naming)) {
        warnOnce(metric.name(), "metric '" + metric.name() + "' becomes '" + naming.base()
            + "' in Prometheus, whose sample names an earlier metric already uses; it is left"
            + " out");
        continue;
      }
      try {
        labels = labelsByScope.computeIfAbsent(metric.scopeOr(readerScope),
            s -> scopeLabels ? new LabelConverter(scopeLabels(s)) : new LabelConverter());
        out.add(convert(metric, naming.metadata(), createdTimestamps));
      } catch (IllegalArgumentException e) {
        // The model's own checks: a histogram label called "le", a negative counter from a
        // callback. Only this metric is lost; its names stay claimed for this scrape.
        warnOnce(metric.name(), "metric '" + metric.name() + "' cannot be exposed to Prometheus"
            + " and is left out: " + e.getMessage());
      }
    }
  }

  private io.prometheus.metrics.model.snapshots.MetricSnapshot convert(
      MetricSnapshot metric, MetricMetadata metadata, boolean created) {
    switch (metric.type()) {
      case COUNTER: {
        List<CounterDataPointSnapshot> points = new ArrayList<>(metric.points().size());
        for (PointSnapshot p : metric.points()) {
          CounterPoint c = (CounterPoint) p;
          points.add(new CounterDataPointSnapshot(c.value(), labels.convert(c.labels()),
              c.exemplars().isEmpty() ? null : exemplar(c.exemplars().get(0)),
              createdMillis(c, created)));
        }
        return new CounterSnapshot(metadata, points);
      }
      case UP_DOWN_COUNTER:
      case GAUGE: {
        List<GaugeDataPointSnapshot> points = new ArrayList<>(metric.points().size());
        for (PointSnapshot p : metric.points()) {
          double value = p instanceof CounterPoint c ? c.value() : ((GaugePoint) p).value();
          points.add(new GaugeDataPointSnapshot(value, labels.convert(p.labels()), null));
        }
        return new GaugeSnapshot(metadata, points);
      }
      case HISTOGRAM:
      case EXPONENTIAL_HISTOGRAM: {
        List<HistogramDataPointSnapshot> points = new ArrayList<>(metric.points().size());
        for (PointSnapshot p : metric.points()) {
          points.add(p instanceof HistogramPoint h
              ? classic(h, created)
              : exponential(metric.name(), (ExponentialHistogramPoint) p, created));
        }
        return new HistogramSnapshot(metadata, points);
      }
      default:
        throw new IllegalArgumentException("unknown metric type " + metric.type());
    }
  }

  private HistogramDataPointSnapshot classic(HistogramPoint h, boolean created) {
    return new HistogramDataPointSnapshot(classicBuckets(h), h.sum(), labels.convert(h.labels()),
        exemplars(h.exemplars()), createdMillis(h, created));
  }

  /**
   * Prometheus' buckets name {@code +Inf} explicitly. The series of one histogram share their
   * bounds, so the last extended bounds are reused (the model copies them anyway).
   */
  private ClassicHistogramBuckets classicBuckets(HistogramPoint h) {
    double[] bounds = h.bounds();
    if (!Arrays.equals(bounds, lastBounds)) {
      double[] upper = Arrays.copyOf(bounds, bounds.length + 1);
      upper[bounds.length] = Double.POSITIVE_INFINITY;
      lastBounds = bounds;
      lastUpper = upper;
    }
    return ClassicHistogramBuckets.of(lastUpper, h.bucketCounts());
  }

  private HistogramDataPointSnapshot exponential(
      String name, ExponentialHistogramPoint e, boolean created) {
    Labels converted = labels.convert(e.labels());
    long createdMillis = createdMillis(e, created);
    Integer schema = NativeBuckets.schemaFor(e.scale());
    if (schema == null) {
      warnOnce(name, "exponential histogram '" + name + "' has scale " + e.scale()
          + ", below Prometheus' smallest schema -4: exposed without native buckets");
      ClassicHistogramBuckets classic = e.classic() != null
          ? classicBuckets(e.classic())
          : ClassicHistogramBuckets.of(NO_BOUNDS, new long[] {e.count()});
      return new HistogramDataPointSnapshot(classic, e.sum(), converted,
          exemplars(e.exemplars()), createdMillis);
    }
    NativeHistogramBuckets positive =
        NativeBuckets.convert(e.scale(), schema, e.positiveOffset(), e.positiveCounts());
    NativeHistogramBuckets negative =
        NativeBuckets.convert(e.scale(), schema, e.negativeOffset(), e.negativeCounts());
    if (positive.size() == 0 && negative.size() == 0 && e.zeroCount() == 0) {
      positive = NativeBuckets.EMPTY_MARKER;
    }
    ClassicHistogramBuckets classic = e.classic() != null
        ? classicBuckets(e.classic())
        : ClassicHistogramBuckets.EMPTY;
    return new HistogramDataPointSnapshot(classic, schema, e.zeroCount(), 0.0, positive,
        negative, e.sum(), converted, exemplars(e.exemplars()), createdMillis);
  }

  /**
   * Stria's exemplars as client_java's, labelled {@code trace_id} and {@code span_id}, with
   * their time in milliseconds (the exposition formats' resolution). Its writers place each in
   * the classic bucket its value falls in; see {@link PrometheusExporter} for native histograms.
   */
  private static Exemplars exemplars(List<dev.stria.snapshot.Exemplar> exemplars) {
    if (exemplars.isEmpty()) {
      return Exemplars.EMPTY;
    }
    List<Exemplar> converted = new ArrayList<>(exemplars.size());
    for (dev.stria.snapshot.Exemplar e : exemplars) {
      converted.add(exemplar(e));
    }
    return Exemplars.of(converted);
  }

  private static Exemplar exemplar(dev.stria.snapshot.Exemplar e) {
    return Exemplar.builder().value(e.value()).traceId(e.traceId()).spanId(e.spanId())
        .timestampMillis(e.epochNanos() / 1_000_000).build();
  }

  private static long createdMillis(PointSnapshot p, boolean created) {
    // 0 means "no created timestamp" to the Prometheus model.
    return created ? Math.max(1, p.startEpochNanos() / 1_000_000) : 0L;
  }

  private static io.prometheus.metrics.model.snapshots.MetricSnapshot targetInfo(
      Resource resource) {
    Map<String, String> attributes = resource.attributes();
    String[] names = attributes.keySet().toArray(new String[0]);
    String[] values = attributes.values().toArray(new String[0]);
    Labels info = new LabelConverter().convert(dev.stria.snapshot.Labels.of(names, values));
    return new InfoSnapshot(new MetricMetadata("target", "Target metadata"),
        List.of(new InfoDataPointSnapshot(info)));
  }

  private void warnOnce(String name, String message) {
    if (warned.putIfAbsent(name, Boolean.TRUE) == null) {
      LOG.log(System.Logger.Level.WARNING, message);
    }
  }
}
