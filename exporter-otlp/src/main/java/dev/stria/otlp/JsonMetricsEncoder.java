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
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes an OTLP {@code ExportMetricsServiceRequest} as OTLP/JSON: the proto3 JSON mapping with
 * OTLP's rules — lowerCamelCase field names, 64-bit integers (timestamps, counts) as decimal
 * strings, enums as integers, and non-finite doubles as the strings {@code "NaN"}, {@code
 * "Infinity"} and {@code "-Infinity"}, and exemplars' trace and span ids as hex strings (not
 * base64: OTLP/JSON's exception to proto3's mapping of bytes).
 *
 * <p>The same choices as {@link ProtoMetricsEncoder}: identical content, another syntax. Passing
 * {@code pretty} indents the output for humans (the console exporter).
 */
final class JsonMetricsEncoder {
  private final StringBuilder sb = new StringBuilder(4096);
  private final BatchScopes batchScopes = new BatchScopes();
  private final boolean pretty;
  private int depth;

  JsonMetricsEncoder() {
    this(false);
  }

  JsonMetricsEncoder(boolean pretty) {
    this.pretty = pretty;
  }

  byte[] encode(MetricBatch batch) {
    return encodeToString(batch).getBytes(StandardCharsets.UTF_8);
  }

  String encodeToString(MetricBatch batch) {
    sb.setLength(0);
    depth = 0;
    open('{');
    name("resourceMetrics");
    open('[');
    open('{');
    name("resource");
    open('{');
    name("attributes");
    open('[');
    boolean first = true;
    for (Map.Entry<String, String> e : batch.resource().attributes().entrySet()) {
      first = comma(first);
      keyValue(e.getKey(), e.getValue());
    }
    close(']');
    close('}');
    sb.append(',');
    name("scopeMetrics");
    open('[');
    first = true;
    for (InstrumentationScope scope : batchScopes.of(batch)) {
      first = comma(first);
      scopeMetrics(batch, scope);
    }
    close(']');
    close('}');
    close(']');
    close('}');
    return sb.toString();
  }

  private void scopeMetrics(MetricBatch batch, InstrumentationScope scope) {
    open('{');
    name("scope");
    open('{');
    name("name");
    string(scope.name());
    if (!scope.version().isEmpty()) {
      sb.append(',');
      name("version");
      string(scope.version());
    }
    if (!scope.attributes().isEmpty()) {
      sb.append(',');
      attributeList(scope.attributes());
    }
    close('}');
    sb.append(',');
    name("metrics");
    open('[');
    boolean first = true;
    for (MetricSnapshot m : batch.metrics()) {
      if (!m.points().isEmpty() && BatchScopes.belongs(m, scope, batch)) {
        first = comma(first);
        metric(m);
      }
    }
    close(']');
    if (!scope.schemaUrl().isEmpty()) {
      sb.append(',');
      name("schemaUrl");
      string(scope.schemaUrl());
    }
    close('}');
  }

  private void metric(MetricSnapshot m) {
    open('{');
    name("name");
    string(m.name());
    if (!m.description().isEmpty()) {
      sb.append(',');
      name("description");
      string(m.description());
    }
    if (!m.unit().isEmpty()) {
      sb.append(',');
      name("unit");
      string(m.unit());
    }
    sb.append(',');
    String kind = switch (m.type()) {
      case COUNTER, UP_DOWN_COUNTER -> "sum";
      case GAUGE -> "gauge";
      case HISTOGRAM -> "histogram";
      case EXPONENTIAL_HISTOGRAM -> "exponentialHistogram";
    };
    name(kind);
    open('{');
    name("dataPoints");
    open('[');
    boolean first = true;
    for (PointSnapshot p : m.points()) {
      first = comma(first);
      if (p instanceof HistogramPoint h) {
        histogramPoint(h);
      } else if (p instanceof ExponentialHistogramPoint e) {
        exponentialPoint(e);
      } else {
        numberPoint(p, m.integerValues());
      }
    }
    close(']');
    if (m.type() != MetricType.GAUGE) {
      sb.append(',');
      name("aggregationTemporality");
      sb.append(ProtoMetricsEncoder.temporalityNumber(m.temporality()));
    }
    if (m.type() == MetricType.COUNTER) {
      sb.append(',');
      name("isMonotonic");
      sb.append("true");
    }
    close('}');
    close('}');
  }

  private void timesAndLabels(PointSnapshot p) {
    attributes(p.labels());
    name("startTimeUnixNano");
    int64(p.startEpochNanos());
    sb.append(',');
    name("timeUnixNano");
    int64(p.epochNanos());
  }

  private void numberPoint(PointSnapshot p, boolean integer) {
    open('{');
    timesAndLabels(p);
    sb.append(',');
    double value = p instanceof CounterPoint c ? c.value() : ((GaugePoint) p).value();
    if (integer) {
      name("asInt");
      int64((long) value);
    } else {
      name("asDouble");
      number(value);
    }
    if (p instanceof CounterPoint c) {
      exemplars(c.exemplars());
    }
    close('}');
  }

  private void histogramPoint(HistogramPoint p) {
    open('{');
    timesAndLabels(p);
    countSum(p.count(), p.sum());
    sb.append(',');
    name("bucketCounts");
    int64Array(p.bucketCounts());
    sb.append(',');
    name("explicitBounds");
    sb.append('[');
    double[] bounds = p.bounds();
    for (int i = 0; i < bounds.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      number(bounds[i]);
    }
    sb.append(']');
    minMax(p.count(), p.min(), p.max());
    exemplars(p.exemplars());
    close('}');
  }

  private void exponentialPoint(ExponentialHistogramPoint p) {
    open('{');
    timesAndLabels(p);
    countSum(p.count(), p.sum());
    sb.append(',');
    name("scale");
    sb.append(p.scale());
    sb.append(',');
    name("zeroCount");
    int64(p.zeroCount());
    sb.append(',');
    buckets("positive", p.positiveOffset(), p.positiveCounts());
    sb.append(',');
    buckets("negative", p.negativeOffset(), p.negativeCounts());
    minMax(p.count(), p.min(), p.max());
    exemplars(p.exemplars());
    close('}');
  }

  private void exemplars(List<Exemplar> exemplars) {
    if (exemplars.isEmpty()) {
      return;
    }
    sb.append(',');
    name("exemplars");
    sb.append('[');
    for (int i = 0; i < exemplars.size(); i++) {
      Exemplar e = exemplars.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      name("timeUnixNano");
      int64(e.epochNanos());
      sb.append(',');
      name("asDouble");
      number(e.value());
      sb.append(',');
      name("spanId");
      sb.append('"').append(e.spanId()).append("\",");
      name("traceId");
      sb.append('"').append(e.traceId()).append("\"}");
    }
    sb.append(']');
  }

  private void countSum(long count, double sum) {
    sb.append(',');
    name("count");
    int64(count);
    sb.append(',');
    name("sum");
    number(sum);
  }

  /** Leaves out what is unknown (NaN): nothing counted, or values whose min/max raced a drain. */
  private void minMax(long count, double min, double max) {
    if (count > 0 && !Double.isNaN(min)) {
      sb.append(',');
      name("min");
      number(min);
    }
    if (count > 0 && !Double.isNaN(max)) {
      sb.append(',');
      name("max");
      number(max);
    }
  }

  private void buckets(String field, int offset, long[] counts) {
    name(field);
    sb.append('{');
    name("offset");
    sb.append(offset);
    sb.append(',');
    name("bucketCounts");
    int64Array(counts);
    sb.append('}');
  }

  private void attributes(Labels labels) {
    if (labels.isEmpty()) {
      return;
    }
    attributeList(labels);
    sb.append(',');
  }

  private void attributeList(Labels labels) {
    name("attributes");
    open('[');
    for (int i = 0; i < labels.size(); i++) {
      comma(i == 0);
      sb.append("{\"key\":");
      string(labels.name(i));
      sb.append(",\"value\":");
      anyValue(labels.type(i), labels.typedValue(i));
      sb.append('}');
    }
    close(']');
  }

  private void anyValue(LabelType type, Object value) {
    switch (type) {
      case STRING -> {
        sb.append("{\"stringValue\":");
        string((String) value);
      }
      case BOOLEAN -> sb.append("{\"boolValue\":").append(value);
      case LONG -> {
        sb.append("{\"intValue\":");
        int64((Long) value);
      }
      case DOUBLE -> {
        sb.append("{\"doubleValue\":");
        number((Double) value);
      }
      default -> {
        LabelType element = type.elementType();
        sb.append("{\"arrayValue\":{\"values\":[");
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          anyValue(element, list.get(i));
        }
        sb.append("]}");
      }
    }
    sb.append('}');
  }

  private void keyValue(String key, String value) {
    sb.append("{\"key\":");
    string(key);
    sb.append(",\"value\":{\"stringValue\":");
    string(value);
    sb.append("}}");
  }

  // ---- syntax -----------------------------------------------------------------------------

  private void open(char c) {
    sb.append(c);
    depth++;
    newline();
  }

  private void close(char c) {
    depth--;
    newline();
    sb.append(c);
  }

  private boolean comma(boolean first) {
    if (!first) {
      sb.append(',');
      newline();
    }
    return false;
  }

  private void newline() {
    if (pretty) {
      sb.append('\n');
      for (int i = 0; i < depth; i++) {
        sb.append("  ");
      }
    }
  }

  private void name(String n) {
    sb.append('"').append(n).append("\":");
    if (pretty) {
      sb.append(' ');
    }
  }

  private void int64(long v) {
    sb.append('"').append(v).append('"');
  }

  private void int64Array(long[] values) {
    sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      int64(values[i]);
    }
    sb.append(']');
  }

  private void number(double v) {
    if (Double.isNaN(v)) {
      sb.append("\"NaN\"");
    } else if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v); // integral: "3" rather than "3.0"
      if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
        sb.setLength(sb.length() - 1);
        sb.append("-0.0");
      }
    } else {
      sb.append(v);
    }
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
