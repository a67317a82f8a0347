package dev.stria.opentelemetry;

import dev.stria.snapshot.Labels;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry attributes as Stria labels that keep each value's type, in the attributes' own
 * (key-sorted) order. Called once per new series, never on the recording path of an existing one.
 */
final class AttributeLabels {
  /** The OpenTelemetry SDK's overflow series: {@code otel.metric.overflow=true}, a boolean. */
  static final Labels OVERFLOW =
      Labels.ofTyped(new String[] {"otel.metric.overflow"}, new Object[] {Boolean.TRUE});

  private AttributeLabels() {}

  static Labels of(Attributes attributes) {
    int n = attributes.size();
    if (n == 0) {
      return Labels.empty();
    }
    String[] names = new String[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
      names[i] = e.getKey().getKey();
      values[i] = value(e.getKey(), e.getValue());
      i++;
    }
    return Labels.ofTyped(names, values);
  }

  private static Object value(AttributeKey<?> key, Object value) {
    switch (key.getType()) {
      case STRING:
      case BOOLEAN:
      case LONG:
      case DOUBLE:
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        return value instanceof List<?> list ? List.copyOf(list) : value;
      default:
        return String.valueOf(value); // VALUE (any value): its string form, as exporters of
                                      // attribute types they do not know do
    }
  }
}
