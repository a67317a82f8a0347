package dev.stria.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict parsing of {@code OTEL_*} values: a malformed value is an {@link
 * IllegalArgumentException} that names the variable, the value and the rule, never a silent
 * default.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /**
   * Parses a TCP port, 0 to 65535.
   *
   * @param variable the variable the value came from, for the error message
   * @param value its value
   * @return the port
   * @throws IllegalArgumentException naming the variable, the value and the rule
   */
  public static int port(String variable, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(variable, value, "it must be a port number from 0 to 65535");
  }

  /**
   * Parses {@code key1=value1,key2=value2}, values percent-decoded (W3C baggage style).
   *
   * @param variable the variable the value came from, for the error message
   * @param value its value
   * @return the pairs in order
   * @throws IllegalArgumentException naming the variable, the value and the rule
   */
  public static Map<String, String> parsePairs(String variable, String value) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = eq < 0 ? "" : item.substring(0, eq).trim();
      if (key.isEmpty()) {
        throw invalid(variable, value, "it must be a comma-separated list of key=value pairs with"
            + " non-empty keys, and '" + item.trim() + "' is not one");
      }
      pairs.put(percentDecode(variable, value, key),
          percentDecode(variable, value, item.substring(eq + 1).trim()));
    }
    return pairs;
  }

  private static String percentDecode(String variable, String whole, String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw invalid(variable, whole, "'%' must be followed by two hex digits (percent-encoding)");
        }
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        int run = i;
        while (i < s.length() && s.charAt(i) != '%') {
          i++;
        }
        out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The error for a malformed setting.
   *
   * @param variable the variable's name
   * @param value its value
   * @param rule what the value must be
   * @return {@code VARIABLE='value' is invalid: rule}
   */
  public static IllegalArgumentException invalid(String variable, String value, String rule) {
    return new IllegalArgumentException(variable + "='" + value + "' is invalid: " + rule);
  }
}
