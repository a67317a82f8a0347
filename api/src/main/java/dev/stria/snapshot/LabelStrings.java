package dev.stria.snapshot;

import java.util.List;

/**
 * The string form of typed label values, as OpenTelemetry's rules for protocols without typed
 * attributes (such as Prometheus) give it: booleans {@code true}/{@code false}, integers in
 * decimal, doubles in decimal with {@code NaN}, {@code Infinity} and {@code -Infinity}, arrays as
 * JSON arrays ({@code ["a","b"]}, {@code [1,2]}; non-finite doubles in arrays as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as JSON has no such numbers).
 */
final class LabelStrings {
  private LabelStrings() {}

  static String of(LabelType type, Object value) {
    return switch (type) {
      case STRING -> (String) value;
      case BOOLEAN, LONG -> value.toString();
      case DOUBLE -> number((Double) value);
      default -> array(type, (List<?>) value);
    };
  }

  /** Java's shortest round-trip form ({@code 1.5}, {@code 1.0E10}), which JSON reads too. */
  private static String number(double d) {
    return Double.toString(d); // NaN, Infinity, -Infinity spelled as the rules want
  }

  private static String array(LabelType type, List<?> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      if (type == LabelType.STRING_ARRAY) {
        json(sb, (String) v);
      } else if (type == LabelType.DOUBLE_ARRAY && !Double.isFinite((Double) v)) {
        json(sb, Double.toString((Double) v));
      } else {
        sb.append(type == LabelType.DOUBLE_ARRAY ? number((Double) v) : v.toString());
      }
    }
    return sb.append(']').toString();
  }

  private static void json(StringBuilder sb, String s) {
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
          if (c < 0x20) {
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
