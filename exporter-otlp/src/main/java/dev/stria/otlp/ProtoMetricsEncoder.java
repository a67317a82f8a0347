package dev.stria.otlp;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.LabelType;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.wire.ProtoWriter;
import java.util.List;
import java.util.Map;

/**
 * Encodes an OTLP {@code ExportMetricsServiceRequest} (opentelemetry-proto v1) in the protobuf
 * wire format, by hand, without a protobuf runtime.
 *
 * <p>Field numbers and wire types come from {@code opentelemetry/proto/metrics/v1/metrics.proto},
 * {@code common/v1/common.proto}, {@code resource/v1/resource.proto} and {@code
 * collector/metrics/v1/metrics_service.proto}; the tests decode the output with the official
 * generated classes. Because {@link ProtoWriter} writes backwards, every message below emits its
 * fields from the highest number to the lowest and its repeated elements from last to first.
 *
 * <p>Choices: one {@code ScopeMetrics} per instrumentation scope, in the order the scopes first
 * appear; counters and up-down counters become {@code Sum} (monotonic or not) with their
 * snapshot's temporality; values are {@code as_int} for snapshots of {@link
 * MetricSnapshot#integerValues() integer values} and {@code as_double} otherwise; attributes keep
 * their {@link dev.stria.snapshot.LabelType type}; histogram {@code sum} is always
 * present; {@code min}/{@code max} only when the point counted something; an exponential
 * histogram always carries its {@code positive} and {@code negative} buckets (possibly empty).
 * Metrics without points are left out. Exemplars go on counter ({@code Sum}), histogram and
 * exponential-histogram points, with {@code time_unix_nano}, {@code as_double} and the trace and
 * span ids as bytes; no {@code filtered_attributes}.
 *
 * <p>Not thread-safe: it owns a reusable buffer. The result of {@link #encode} is valid until the
 * next call.
 */
final class ProtoMetricsEncoder {
  // ExportMetricsServiceRequest
  private static final int REQUEST_RESOURCE_METRICS = 1;
  // ResourceMetrics
  private static final int RM_RESOURCE = 1;
  private static final int RM_SCOPE_METRICS = 2;
  // Resource
  private static final int RESOURCE_ATTRIBUTES = 1;
  // ScopeMetrics
  private static final int SM_SCOPE = 1;
  private static final int SM_METRICS = 2;
  private static final int SM_SCHEMA_URL = 3;
  // InstrumentationScope
  private static final int SCOPE_NAME = 1;
  private static final int SCOPE_VERSION = 2;
  private static final int SCOPE_ATTRIBUTES = 3;
  // KeyValue / AnyValue / ArrayValue
  private static final int KV_KEY = 1;
  private static final int KV_VALUE = 2;
  private static final int ANY_STRING = 1;
  private static final int ANY_BOOL = 2;
  private static final int ANY_INT = 3;
  private static final int ANY_DOUBLE = 4;
  private static final int ANY_ARRAY = 5;
  private static final int ARRAY_VALUES = 1;
  // Metric
  private static final int METRIC_NAME = 1;
  private static final int METRIC_DESCRIPTION = 2;
  private static final int METRIC_UNIT = 3;
  private static final int METRIC_GAUGE = 5;
  private static final int METRIC_SUM = 7;
  private static final int METRIC_HISTOGRAM = 9;
  private static final int METRIC_EXPONENTIAL_HISTOGRAM = 10;
  // Gauge, Sum, Histogram, ExponentialHistogram
  private static final int DATA_POINTS = 1;
  private static final int AGGREGATION_TEMPORALITY = 2;
  private static final int SUM_IS_MONOTONIC = 3;
  // NumberDataPoint
  private static final int NDP_START = 2;
  private static final int NDP_TIME = 3;
  private static final int NDP_AS_DOUBLE = 4;
  private static final int NDP_EXEMPLARS = 5;
  private static final int NDP_AS_INT = 6;
  private static final int NDP_ATTRIBUTES = 7;
  // HistogramDataPoint
  private static final int HDP_START = 2;
  private static final int HDP_TIME = 3;
  private static final int HDP_COUNT = 4;
  private static final int HDP_SUM = 5;
  private static final int HDP_BUCKET_COUNTS = 6;
  private static final int HDP_EXPLICIT_BOUNDS = 7;
  private static final int HDP_EXEMPLARS = 8;
  private static final int HDP_ATTRIBUTES = 9;
  private static final int HDP_MIN = 11;
  private static final int HDP_MAX = 12;
  // ExponentialHistogramDataPoint
  private static final int EDP_ATTRIBUTES = 1;
  private static final int EDP_START = 2;
  private static final int EDP_TIME = 3;
  private static final int EDP_COUNT = 4;
  private static final int EDP_SUM = 5;
  private static final int EDP_SCALE = 6;
  private static final int EDP_ZERO_COUNT = 7;
  private static final int EDP_POSITIVE = 8;
  private static final int EDP_NEGATIVE = 9;
  private static final int EDP_EXEMPLARS = 11;
  private static final int EDP_MIN = 12;
  private static final int EDP_MAX = 13;
  // Exemplar
  private static final int EXEMPLAR_TIME = 2;
  private static final int EXEMPLAR_AS_DOUBLE = 3;
  private static final int EXEMPLAR_SPAN_ID = 4;
  private static final int EXEMPLAR_TRACE_ID = 5;
  // ExponentialHistogramDataPoint.Buckets
  private static final int BUCKETS_OFFSET = 1;
  private static final int BUCKETS_COUNTS = 2;

  /** AggregationTemporality enum values. */
  static int temporalityNumber(Temporality t) {
    return t == Temporality.DELTA ? 1 : 2;
  }

  private final ProtoWriter w;
  private final BatchScopes batchScopes = new BatchScopes();
  private Resource lastResource;
  private String[] lastResourceAttributes;

  ProtoMetricsEncoder() {
    this(64 * 1024);
  }

  ProtoMetricsEncoder(int initialCapacity) {
    w = new ProtoWriter(initialCapacity);
  }

  /**
   * Encodes {@code batch}. The bytes are {@code writer().buffer()[writer().start() ..]}, of
   * length {@code writer().written()}, until the next call.
   */
  ProtoWriter encode(MetricBatch batch) {
    w.reset();
    int resourceMetrics = w.written();
    List<InstrumentationScope> scopes = batchScopes.of(batch);
    for (int s = scopes.size() - 1; s >= 0; s--) {
      scopeMetrics(batch, scopes.get(s));
    }
    int resource = w.written();
    String[] attributes = resourceAttributes(batch.resource());
    for (int i = attributes.length - 2; i >= 0; i -= 2) {
      keyValue(RESOURCE_ATTRIBUTES, attributes[i], attributes[i + 1]);
    }
    w.endMessage(RM_RESOURCE, resource);
    w.endMessage(REQUEST_RESOURCE_METRICS, resourceMetrics);
    return w;
  }

  private void scopeMetrics(MetricBatch batch, InstrumentationScope scope) {
    int scopeMetrics = w.written();
    w.stringFieldIfNotEmpty(SM_SCHEMA_URL, scope.schemaUrl());
    List<MetricSnapshot> metrics = batch.metrics();
    for (int i = metrics.size() - 1; i >= 0; i--) {
      if (BatchScopes.belongs(metrics.get(i), scope, batch)) {
        metric(metrics.get(i));
      }
    }
    int scopeMessage = w.written();
    attributes(SCOPE_ATTRIBUTES, scope.attributes());
    w.stringFieldIfNotEmpty(SCOPE_VERSION, scope.version());
    w.stringField(SCOPE_NAME, scope.name());
    w.endMessage(SM_SCOPE, scopeMessage);
    w.endMessage(RM_SCOPE_METRICS, scopeMetrics);
  }

  /** The resource's keys and values, alternating; cached because exports repeat one resource. */
  private String[] resourceAttributes(Resource resource) {
    if (resource != lastResource) {
      Map<String, String> map = resource.attributes();
      String[] flat = new String[map.size() * 2];
      int i = 0;
      for (Map.Entry<String, String> e : map.entrySet()) {
        flat[i++] = e.getKey();
        flat[i++] = e.getValue();
      }
      lastResource = resource;
      lastResourceAttributes = flat;
    }
    return lastResourceAttributes;
  }

  /** Convenience for tests and the console: a fresh copy of the encoding. */
  byte[] encodeToBytes(MetricBatch batch) {
    return encode(batch).toByteArray();
  }

  private void metric(MetricSnapshot m) {
    List<PointSnapshot> points = m.points();
    if (points.isEmpty()) {
      return;
    }
    int metric = w.written();
    int data = w.written();
    switch (m.type()) {
      case COUNTER, UP_DOWN_COUNTER -> {
        w.boolFieldIfTrue(SUM_IS_MONOTONIC, m.type() == dev.stria.snapshot.MetricType.COUNTER);
        w.varintFieldIfNonZero(AGGREGATION_TEMPORALITY, temporalityNumber(m.temporality()));
        for (int i = points.size() - 1; i >= 0; i--) {
          numberPoint(points.get(i), m.integerValues());
        }
        w.endMessage(METRIC_SUM, data);
      }
      case GAUGE -> {
        for (int i = points.size() - 1; i >= 0; i--) {
          numberPoint(points.get(i), m.integerValues());
        }
        w.endMessage(METRIC_GAUGE, data);
      }
      case HISTOGRAM -> {
        w.varintFieldIfNonZero(AGGREGATION_TEMPORALITY, temporalityNumber(m.temporality()));
        for (int i = points.size() - 1; i >= 0; i--) {
          histogramPoint((HistogramPoint) points.get(i));
        }
        w.endMessage(METRIC_HISTOGRAM, data);
      }
      case EXPONENTIAL_HISTOGRAM -> {
        w.varintFieldIfNonZero(AGGREGATION_TEMPORALITY, temporalityNumber(m.temporality()));
        for (int i = points.size() - 1; i >= 0; i--) {
          exponentialPoint((ExponentialHistogramPoint) points.get(i));
        }
        w.endMessage(METRIC_EXPONENTIAL_HISTOGRAM, data);
      }
    }
    w.stringFieldIfNotEmpty(METRIC_UNIT, m.unit());
    w.stringFieldIfNotEmpty(METRIC_DESCRIPTION, m.description());
    w.stringField(METRIC_NAME, m.name());
    w.endMessage(SM_METRICS, metric);
  }

  private void numberPoint(PointSnapshot p, boolean integer) {
    double value = p instanceof CounterPoint c ? c.value() : ((GaugePoint) p).value();
    int point = w.written();
    attributes(NDP_ATTRIBUTES, p.labels());
    if (p instanceof CounterPoint c) {
      exemplars(NDP_EXEMPLARS, c.exemplars());
    }
    // Both are part of a oneof: always present. sfixed64 has the wire format of fixed64.
    if (integer) {
      w.fixed64Field(NDP_AS_INT, (long) value);
    } else {
      w.doubleField(NDP_AS_DOUBLE, value);
    }
    w.fixed64FieldIfNonZero(NDP_TIME, p.epochNanos());
    w.fixed64FieldIfNonZero(NDP_START, p.startEpochNanos());
    w.endMessage(DATA_POINTS, point);
  }

  private void histogramPoint(HistogramPoint p) {
    int point = w.written();
    // Both are unknown (NaN) when nothing was counted, or when the only values of a delta
    // raced the previous collection, which took their min and max.
    if (!Double.isNaN(p.max())) {
      w.doubleField(HDP_MAX, p.max());
    }
    if (!Double.isNaN(p.min())) {
      w.doubleField(HDP_MIN, p.min());
    }
    attributes(HDP_ATTRIBUTES, p.labels());
    exemplars(HDP_EXEMPLARS, p.exemplars());
    w.packedDouble(HDP_EXPLICIT_BOUNDS, p.bounds());
    w.packedFixed64(HDP_BUCKET_COUNTS, p.bucketCounts());
    w.doubleField(HDP_SUM, p.sum());
    w.fixed64FieldIfNonZero(HDP_COUNT, p.count());
    w.fixed64FieldIfNonZero(HDP_TIME, p.epochNanos());
    w.fixed64FieldIfNonZero(HDP_START, p.startEpochNanos());
    w.endMessage(DATA_POINTS, point);
  }

  private void exponentialPoint(ExponentialHistogramPoint p) {
    int point = w.written();
    // Both are unknown (NaN) when nothing was counted, or when the only values of a delta
    // raced the previous collection, which took their min and max.
    if (!Double.isNaN(p.max())) {
      w.doubleField(EDP_MAX, p.max());
    }
    if (!Double.isNaN(p.min())) {
      w.doubleField(EDP_MIN, p.min());
    }
    exemplars(EDP_EXEMPLARS, p.exemplars());
    buckets(EDP_NEGATIVE, p.negativeOffset(), p.negativeCounts());
    buckets(EDP_POSITIVE, p.positiveOffset(), p.positiveCounts());
    w.fixed64FieldIfNonZero(EDP_ZERO_COUNT, p.zeroCount());
    w.sint32FieldIfNonZero(EDP_SCALE, p.scale());
    w.doubleField(EDP_SUM, p.sum());
    w.fixed64FieldIfNonZero(EDP_COUNT, p.count());
    w.fixed64FieldIfNonZero(EDP_TIME, p.epochNanos());
    w.fixed64FieldIfNonZero(EDP_START, p.startEpochNanos());
    attributes(EDP_ATTRIBUTES, p.labels());
    w.endMessage(DATA_POINTS, point);
  }

  private void buckets(int field, int offset, long[] counts) {
    int buckets = w.written();
    w.packedVarint(BUCKETS_COUNTS, counts);
    w.sint32FieldIfNonZero(BUCKETS_OFFSET, offset);
    w.endMessage(field, buckets);
  }

  private void exemplars(int field, List<Exemplar> exemplars) {
    for (int i = exemplars.size() - 1; i >= 0; i--) {
      Exemplar e = exemplars.get(i);
      int exemplar = w.written();
      w.hexBytesField(EXEMPLAR_TRACE_ID, e.traceId());
      w.hexBytesField(EXEMPLAR_SPAN_ID, e.spanId());
      w.doubleField(EXEMPLAR_AS_DOUBLE, e.value()); // part of a oneof: always present
      w.fixed64FieldIfNonZero(EXEMPLAR_TIME, e.epochNanos());
      w.endMessage(field, exemplar);
    }
  }

  private void attributes(int field, Labels labels) {
    for (int i = labels.size() - 1; i >= 0; i--) {
      if (labels.type(i) == LabelType.STRING) {
        keyValue(field, labels.name(i), labels.value(i));
      } else {
        int kv = w.written();
        int any = w.written();
        typedValue(labels.type(i), labels.typedValue(i));
        w.endMessage(KV_VALUE, any);
        w.stringField(KV_KEY, labels.name(i));
        w.endMessage(field, kv);
      }
    }
  }

  /** The fields of one AnyValue holding {@code value} of {@code type} (present even if zero). */
  private void typedValue(LabelType type, Object value) {
    switch (type) {
      case STRING -> w.stringField(ANY_STRING, (String) value);
      case BOOLEAN -> { // written backwards: the value, then its tag (wire type 0, varint)
        w.varint((Boolean) value ? 1 : 0);
        w.tag(ANY_BOOL, 0);
      }
      case LONG -> {
        w.varint((Long) value);
        w.tag(ANY_INT, 0);
      }
      case DOUBLE -> w.doubleField(ANY_DOUBLE, (Double) value);
      default -> {
        LabelType element = type.elementType();
        List<?> list = (List<?>) value;
        int array = w.written();
        for (int i = list.size() - 1; i >= 0; i--) {
          int any = w.written();
          typedValue(element, list.get(i));
          w.endMessage(ARRAY_VALUES, any);
        }
        w.endMessage(ANY_ARRAY, array);
      }
    }
  }

  private void keyValue(int field, String key, String value) {
    int kv = w.written();
    int any = w.written();
    w.stringField(ANY_STRING, value); // part of a oneof: present even when empty
    w.endMessage(KV_VALUE, any);
    w.stringField(KV_KEY, key);
    w.endMessage(field, kv);
  }
}
