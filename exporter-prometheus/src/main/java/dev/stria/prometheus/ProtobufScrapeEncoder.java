package dev.stria.prometheus;

import dev.stria.wire.ProtoWriter;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.TextFormatUtil;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SnapshotEscaper;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes one scrape in Prometheus' protobuf format, a stream of length-delimited {@code
 * io.prometheus.client.MetricFamily} messages, straight into one byte array: no protobuf message
 * or builder per family, metric, label and bucket, as client_java 1.8.0's {@code
 * PrometheusProtobufWriter} makes them. The bytes are that writer's for the same snapshots
 * ({@code ProtobufFormatWriterTest} compares them for every snapshot type and escaping scheme):
 * duplicate names merged and names escaped with client_java's own helpers, every field 1.8.0
 * sets written even when zero (the format is proto2: a set field keeps its presence), repeated
 * numbers unpacked, fields in number order.
 *
 * <p>One deliberate difference: a family of which no metric is written (a summary none of whose
 * points has a count, a sum or a quantile; a state set without states; a snapshot class 1.8.0
 * does not know) is left out, where 1.8.0 writes an empty {@code MetricFamily}: no name, no
 * type, no metrics.
 *
 * <p>The writing goes backwards ({@link ProtoWriter}: each message's length is known when it must
 * be written), so families, metrics, labels and buckets are visited from last to first. Not
 * thread-safe: one encoder per scrape.
 */
final class ProtobufScrapeEncoder {
  // io.prometheus.client field numbers, per message
  private static final int FAMILY_NAME = 1;
  private static final int FAMILY_HELP = 2;
  private static final int FAMILY_TYPE = 3;
  private static final int FAMILY_METRIC = 4;

  private static final int TYPE_COUNTER = 0;
  private static final int TYPE_GAUGE = 1;
  private static final int TYPE_SUMMARY = 2;
  private static final int TYPE_UNTYPED = 3;
  private static final int TYPE_HISTOGRAM = 4;
  private static final int TYPE_GAUGE_HISTOGRAM = 5;

  private static final int METRIC_LABEL = 1; // the Exemplar's labels have the same number
  private static final int METRIC_GAUGE = 2;
  private static final int METRIC_COUNTER = 3;
  private static final int METRIC_SUMMARY = 4;
  private static final int METRIC_UNTYPED = 5;
  private static final int METRIC_TIMESTAMP_MS = 6;
  private static final int METRIC_HISTOGRAM = 7;

  private static final int LABEL_NAME = 1;
  private static final int LABEL_VALUE = 2;

  private static final int VALUE = 1; // Gauge.value, Counter.value, Untyped.value
  private static final int COUNTER_EXEMPLAR = 2;
  private static final int COUNTER_CREATED = 3;

  private static final int SUMMARY_COUNT = 1;
  private static final int SUMMARY_SUM = 2;
  private static final int SUMMARY_QUANTILE = 3;
  private static final int QUANTILE_QUANTILE = 1;
  private static final int QUANTILE_VALUE = 2;

  private static final int HISTOGRAM_COUNT = 1;
  private static final int HISTOGRAM_SUM = 2;
  private static final int HISTOGRAM_BUCKET = 3;
  private static final int HISTOGRAM_SCHEMA = 5;
  private static final int HISTOGRAM_ZERO_THRESHOLD = 6;
  private static final int HISTOGRAM_ZERO_COUNT = 7;
  private static final int HISTOGRAM_NEGATIVE_SPAN = 9;
  private static final int HISTOGRAM_NEGATIVE_DELTA = 10;
  private static final int HISTOGRAM_POSITIVE_SPAN = 12;
  private static final int HISTOGRAM_POSITIVE_DELTA = 13;

  private static final int BUCKET_CUMULATIVE_COUNT = 1;
  private static final int BUCKET_UPPER_BOUND = 2;
  private static final int BUCKET_EXEMPLAR = 3;
  private static final int SPAN_OFFSET = 1;
  private static final int SPAN_LENGTH = 2;

  private static final int EXEMPLAR_VALUE = 2;
  private static final int EXEMPLAR_TIMESTAMP = 3;
  private static final int TIMESTAMP_SECONDS = 1;
  private static final int TIMESTAMP_NANOS = 2;

  private final ProtoWriter out;
  private final EscapingScheme scheme;
  private final NativeBucketSpans spans = new NativeBucketSpans();

  /**
   * An encoder for one scrape; {@code sizeHint} is the expected size in bytes (the last scrape's),
   * so that the buffer rarely grows.
   */
  ProtobufScrapeEncoder(int sizeHint, EscapingScheme scheme) {
    this.out = new ProtoWriter(sizeHint);
    this.scheme = scheme;
  }

  /** Encodes every family of {@code snapshots}; {@link #writeTo} then writes the bytes. */
  void write(MetricSnapshots snapshots) {
    MetricSnapshots merged = TextFormatUtil.mergeDuplicates(snapshots);
    for (int i = merged.size() - 1; i >= 0; i--) {
      MetricSnapshot original = merged.get(i);
      if (original.getDataPoints().isEmpty()) {
        continue;
      }
      int family = out.written();
      if (writeFamily(SnapshotEscaper.escapeMetricSnapshot(original, scheme),
          original.getMetadata().getOriginalName())) {
        out.endDelimited(family);
      }
    }
  }

  /** The number of bytes encoded. */
  int size() {
    return out.written();
  }

  /** Writes the encoded bytes, in wire order. */
  void writeTo(OutputStream stream) throws IOException {
    out.writeTo(stream);
  }

  /**
   * Fields backwards: the metrics, then type, help and name. False, having written nothing, when
   * no metric was written: a summary whose points have no count, sum or quantile, a state set
   * without states, a snapshot class client_java 1.8.0 does not define.
   */
  private boolean writeFamily(MetricSnapshot snapshot, String rawOriginalName) {
    int start = out.written();
    MetricMetadata metadata = snapshot.getMetadata();
    String name;
    int type;
    if (snapshot instanceof CounterSnapshot) {
      List<CounterDataPointSnapshot> points = ((CounterSnapshot) snapshot).getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        writeCounter(points.get(i));
      }
      name = suffixedName(metadata, "_total");
      type = TYPE_COUNTER;
    } else if (snapshot instanceof GaugeSnapshot) {
      List<GaugeDataPointSnapshot> points = ((GaugeSnapshot) snapshot).getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        writeGauge(points.get(i), points.get(i).getValue(), null, null);
      }
      name = SnapshotEscaper.getLegacyGaugeName(metadata, rawOriginalName, scheme);
      type = TYPE_GAUGE;
    } else if (snapshot instanceof HistogramSnapshot) {
      HistogramSnapshot histogram = (HistogramSnapshot) snapshot;
      List<HistogramDataPointSnapshot> points = histogram.getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        writeHistogram(points.get(i));
      }
      name = SnapshotEscaper.getMetadataName(metadata, scheme);
      type = histogram.isGaugeHistogram() ? TYPE_GAUGE_HISTOGRAM : TYPE_HISTOGRAM;
    } else if (snapshot instanceof SummarySnapshot) {
      List<SummaryDataPointSnapshot> points = ((SummarySnapshot) snapshot).getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        SummaryDataPointSnapshot point = points.get(i);
        if (point.hasCount() || point.hasSum() || point.getQuantiles().size() > 0) {
          writeSummary(point);
        }
      }
      name = SnapshotEscaper.getMetadataName(metadata, scheme);
      type = TYPE_SUMMARY;
    } else if (snapshot instanceof InfoSnapshot) {
      List<InfoDataPointSnapshot> points = ((InfoSnapshot) snapshot).getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        writeGauge(points.get(i), 1, null, null);
      }
      name = suffixedName(metadata, "_info");
      type = TYPE_GAUGE;
    } else if (snapshot instanceof StateSetSnapshot) {
      List<StateSetDataPointSnapshot> points = ((StateSetSnapshot) snapshot).getDataPoints();
      String stateLabel = metadata.getPrometheusName();
      for (int i = points.size() - 1; i >= 0; i--) {
        StateSetDataPointSnapshot point = points.get(i);
        for (int state = point.size() - 1; state >= 0; state--) {
          writeGauge(point, point.isTrue(state) ? 1 : 0, stateLabel, point.getName(state));
        }
      }
      name = SnapshotEscaper.getMetadataName(metadata, scheme);
      type = TYPE_GAUGE;
    } else if (snapshot instanceof UnknownSnapshot) {
      List<UnknownDataPointSnapshot> points = ((UnknownSnapshot) snapshot).getDataPoints();
      for (int i = points.size() - 1; i >= 0; i--) {
        writeUntyped(points.get(i));
      }
      name = SnapshotEscaper.getMetadataName(metadata, scheme);
      type = TYPE_UNTYPED;
    } else {
      return false;
    }
    if (out.written() == start) {
      return false;
    }
    out.varintField(FAMILY_TYPE, type);
    if (metadata.getHelp() != null) {
      out.stringField(FAMILY_HELP, metadata.getHelp());
    }
    out.stringField(FAMILY_NAME, name);
    return true;
  }

  /** A counter's or info's name: its base name with {@code suffix}, never twice. */
  private String suffixedName(MetricMetadata metadata, String suffix) {
    String base = SnapshotEscaper.getExpositionBaseMetadataName(metadata, scheme);
    return base.endsWith(suffix)
        ? base : SnapshotEscaper.getMetadataName(metadata, scheme) + suffix;
  }

  private void writeCounter(CounterDataPointSnapshot point) {
    int metric = out.written();
    writeScrapeTimestamp(point);
    int counter = out.written();
    if (point.hasCreatedTimestamp()) {
      writeTimestamp(COUNTER_CREATED, point.getCreatedTimestampMillis());
    }
    if (point.getExemplar() != null) {
      writeExemplar(COUNTER_EXEMPLAR, point.getExemplar());
    }
    out.doubleField(VALUE, point.getValue());
    out.endMessage(METRIC_COUNTER, counter);
    writeLabels(point.getLabels());
    out.endMessage(FAMILY_METRIC, metric);
  }

  /**
   * A gauge metric: a gauge's point, an info's (value 1) or one state of a state set (1 or 0),
   * whose state is one more label after the point's own.
   */
  private void writeGauge(DataPointSnapshot point, double value, String stateLabel, String state) {
    int metric = out.written();
    writeScrapeTimestamp(point);
    int gauge = out.written();
    out.doubleField(VALUE, value);
    out.endMessage(METRIC_GAUGE, gauge);
    if (stateLabel != null) {
      writeLabel(stateLabel, state);
    }
    writeLabels(point.getLabels());
    out.endMessage(FAMILY_METRIC, metric);
  }

  /** An unknown-typed point: 1.8.0 writes neither its exemplar nor its scrape timestamp. */
  private void writeUntyped(UnknownDataPointSnapshot point) {
    int metric = out.written();
    int untyped = out.written();
    out.doubleField(VALUE, point.getValue());
    out.endMessage(METRIC_UNTYPED, untyped);
    writeLabels(point.getLabels());
    out.endMessage(FAMILY_METRIC, metric);
  }

  private void writeSummary(SummaryDataPointSnapshot point) {
    int metric = out.written();
    writeScrapeTimestamp(point);
    int summary = out.written();
    Quantiles quantiles = point.getQuantiles();
    for (int i = quantiles.size() - 1; i >= 0; i--) {
      int quantile = out.written();
      out.doubleField(QUANTILE_VALUE, quantiles.get(i).getValue());
      out.doubleField(QUANTILE_QUANTILE, quantiles.get(i).getQuantile());
      out.endMessage(SUMMARY_QUANTILE, quantile);
    }
    if (point.hasSum()) {
      out.doubleField(SUMMARY_SUM, point.getSum());
    }
    if (point.hasCount()) {
      out.varintField(SUMMARY_COUNT, point.getCount());
    }
    out.endMessage(METRIC_SUMMARY, summary);
    writeLabels(point.getLabels());
    out.endMessage(FAMILY_METRIC, metric);
  }

  /**
   * A histogram point: native spans and deltas, zero bucket and schema when it has native data;
   * classic buckets when it has classic data, else (native only) one {@code +Inf} bucket that
   * carries the latest exemplar, if there is one; then sum and count.
   */
  private void writeHistogram(HistogramDataPointSnapshot point) {
    int metric = out.written();
    int histogram = out.written();
    if (point.hasNativeHistogramData()) {
      writeNativeBuckets(HISTOGRAM_POSITIVE_SPAN, HISTOGRAM_POSITIVE_DELTA,
          point.getNativeBucketsForPositiveValues());
      writeNativeBuckets(HISTOGRAM_NEGATIVE_SPAN, HISTOGRAM_NEGATIVE_DELTA,
          point.getNativeBucketsForNegativeValues());
      out.varintField(HISTOGRAM_ZERO_COUNT, point.getNativeZeroCount());
      out.doubleField(HISTOGRAM_ZERO_THRESHOLD, point.getNativeZeroThreshold());
      out.sint32Field(HISTOGRAM_SCHEMA, point.getNativeSchema());
    }
    if (point.hasClassicHistogramData()) {
      writeClassicBuckets(point);
    } else if (point.hasNativeHistogramData() && point.getExemplars().getLatest() != null) {
      writeBucket(nativeCount(point), Double.POSITIVE_INFINITY, point.getExemplars().getLatest());
    }
    if (point.hasSum()) {
      out.doubleField(HISTOGRAM_SUM, point.getSum());
    }
    if (point.hasCount()) {
      out.varintField(HISTOGRAM_COUNT, point.getCount());
    }
    out.endMessage(METRIC_HISTOGRAM, histogram);
    writeScrapeTimestamp(point);
    writeLabels(point.getLabels());
    out.endMessage(FAMILY_METRIC, metric);
  }

  /** Cumulative counts, computed from the total down since the buckets go last to first. */
  private void writeClassicBuckets(HistogramDataPointSnapshot point) {
    ClassicHistogramBuckets buckets = point.getClassicBuckets();
    long cumulative = 0;
    for (int i = 0; i < buckets.size(); i++) {
      cumulative += buckets.getCount(i);
    }
    for (int i = buckets.size() - 1; i >= 0; i--) {
      double upperBound = buckets.getUpperBound(i);
      double lowerBound = i == 0 ? Double.NEGATIVE_INFINITY : buckets.getUpperBound(i - 1);
      writeBucket(cumulative, upperBound, point.getExemplars().get(lowerBound, upperBound));
      cumulative -= buckets.getCount(i);
    }
  }

  private void writeBucket(long cumulativeCount, double upperBound, Exemplar exemplar) {
    int bucket = out.written();
    if (exemplar != null) {
      writeExemplar(BUCKET_EXEMPLAR, exemplar);
    }
    out.doubleField(BUCKET_UPPER_BOUND, upperBound);
    out.varintField(BUCKET_CUMULATIVE_COUNT, cumulativeCount);
    out.endMessage(HISTOGRAM_BUCKET, bucket);
  }

  /** The count of the {@code +Inf} bucket of a native-only histogram: all its observations. */
  private static long nativeCount(HistogramDataPointSnapshot point) {
    if (point.hasCount()) {
      return point.getCount();
    }
    long count = point.getNativeZeroCount();
    NativeHistogramBuckets positive = point.getNativeBucketsForPositiveValues();
    for (int i = 0; i < positive.size(); i++) {
      count += positive.getCount(i);
    }
    NativeHistogramBuckets negative = point.getNativeBucketsForNegativeValues();
    for (int i = 0; i < negative.size(); i++) {
      count += negative.getCount(i);
    }
    return count;
  }

  /** Native buckets as spans and deltas ({@link NativeBucketSpans}), written last to first. */
  private void writeNativeBuckets(int spanField, int deltaField, NativeHistogramBuckets buckets) {
    if (buckets.size() == 0) {
      return;
    }
    spans.layOut(buckets);
    for (int d = spans.deltaCount() - 1; d >= 0; d--) {
      out.sint64Field(deltaField, spans.delta(d));
    }
    for (int s = spans.spanCount() - 1; s >= 0; s--) {
      int span = out.written();
      out.varintField(SPAN_LENGTH, spans.spanLength(s));
      out.sint32Field(SPAN_OFFSET, spans.spanOffset(s));
      out.endMessage(spanField, span);
    }
  }

  private void writeExemplar(int field, Exemplar exemplar) {
    int mark = out.written();
    if (exemplar.hasTimestamp()) {
      writeTimestamp(EXEMPLAR_TIMESTAMP, exemplar.getTimestampMillis());
    }
    out.doubleField(EXEMPLAR_VALUE, exemplar.getValue());
    writeLabels(exemplar.getLabels());
    out.endMessage(field, mark);
  }

  /** A {@code google.protobuf.Timestamp} (proto3: zero fields are left out). */
  private void writeTimestamp(int field, long millis) {
    int mark = out.written();
    out.varintFieldIfNonZero(TIMESTAMP_NANOS, (int) (millis % 1000L * 1000000L));
    out.varintFieldIfNonZero(TIMESTAMP_SECONDS, millis / 1000L);
    out.endMessage(field, mark);
  }

  private void writeScrapeTimestamp(DataPointSnapshot point) {
    if (point.hasScrapeTimestamp()) {
      out.varintField(METRIC_TIMESTAMP_MS, point.getScrapeTimestampMillis());
    }
  }

  /** A point's or an exemplar's labels (field 1 in both messages), last to first. */
  private void writeLabels(Labels labels) {
    for (int i = labels.size() - 1; i >= 0; i--) {
      writeLabel(SnapshotEscaper.getSnapshotLabelName(labels, i, scheme), labels.getValue(i));
    }
  }

  private void writeLabel(String name, String value) {
    int mark = out.written();
    out.stringField(LABEL_VALUE, value);
    out.stringField(LABEL_NAME, name);
    out.endMessage(METRIC_LABEL, mark);
  }
}
