package dev.stria.opentelemetry;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One decoded export as sorted lines of text, everything the conformance test compares: scope
 * (name, version, schema URL, attributes), metric name, description, unit, kind, monotonicity,
 * temporality, and per point its attributes with their types, value type and value, or count,
 * sum, min, max, bounds and bucket counts. Left out: timestamps and the resource (the SDK adds
 * its telemetry.sdk.* attributes).
 */
final class CanonicalExport {
  private CanonicalExport() {}

  static List<String> of(ExportMetricsServiceRequest request) {
    List<String> lines = new ArrayList<>();
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        String scope = sm.getScope().getName() + "@" + sm.getScope().getVersion() + " schema="
            + sm.getSchemaUrl() + " " + attributes(sm.getScope().getAttributesList());
        for (Metric m : sm.getMetricsList()) {
          String metric = scope + " | " + m.getName() + " '" + m.getDescription() + "' unit="
              + m.getUnit() + " ";
          switch (m.getDataCase()) {
            case SUM -> {
              String kind = metric + "sum monotonic=" + m.getSum().getIsMonotonic() + " "
                  + m.getSum().getAggregationTemporality();
              lines.add(kind);
              m.getSum().getDataPointsList().forEach(p -> lines.add(kind + " " + number(p)));
            }
            case GAUGE -> {
              String kind = metric + "gauge";
              lines.add(kind);
              m.getGauge().getDataPointsList().forEach(p -> lines.add(kind + " " + number(p)));
            }
            case HISTOGRAM -> {
              String kind = metric + "histogram "
                  + m.getHistogram().getAggregationTemporality();
              lines.add(kind);
              m.getHistogram().getDataPointsList()
                  .forEach(p -> lines.add(kind + " " + histogram(p)));
            }
            default -> lines.add(metric + m.getDataCase());
          }
        }
      }
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  private static String number(NumberDataPoint p) {
    String value = switch (p.getValueCase()) {
      case AS_INT -> "int " + p.getAsInt();
      case AS_DOUBLE -> "double " + p.getAsDouble();
      default -> "no value";
    };
    return attributes(p.getAttributesList()) + " " + value;
  }

  private static String histogram(HistogramDataPoint p) {
    return attributes(p.getAttributesList()) + " count=" + p.getCount() + " sum=" + p.getSum()
        + " min=" + (p.hasMin() ? p.getMin() : "none") + " max="
        + (p.hasMax() ? p.getMax() : "none") + " bounds=" + p.getExplicitBoundsList()
        + " counts=" + p.getBucketCountsList();
  }

  static String attributes(List<KeyValue> attributes) {
    return attributes.stream()
        .sorted(Comparator.comparing(KeyValue::getKey))
        .map(kv -> kv.getKey() + "=" + value(kv.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> "string:" + v.getStringValue();
      case BOOL_VALUE -> "bool:" + v.getBoolValue();
      case INT_VALUE -> "int:" + v.getIntValue();
      case DOUBLE_VALUE -> "double:" + v.getDoubleValue();
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream()
          .map(CanonicalExport::value).collect(Collectors.joining(",", "[", "]"));
      default -> v.getValueCase().toString();
    };
  }
}
