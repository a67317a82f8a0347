package dev.stria.otlp;

import java.util.Locale;
import java.util.Map;

/**
 * Where the standard {@code OTEL_*} settings are read from. The default looks, in order, at the
 * system property with the variable's own name ({@code -DOTEL_SERVICE_NAME=x}), the system
 * property in OpenTelemetry Java's dotted form ({@code -Dotel.service.name=x}) and the environment
 * variable. Blank values count as unset. Tests inject a map instead.
 */
@FunctionalInterface
interface ConfigSource {
  /** The raw value of {@code variable} (an environment variable name), or null. */
  String get(String variable);

  static ConfigSource system() {
    return variable -> {
      String v = System.getProperty(variable);
      if (isBlank(v)) {
        v = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
      }
      if (isBlank(v)) {
        v = System.getenv(variable);
      }
      return isBlank(v) ? null : v.trim();
    };
  }

  static ConfigSource of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return variable -> {
      String v = copy.get(variable);
      return isBlank(v) ? null : v.trim();
    };
  }

  private static boolean isBlank(String v) {
    return v == null || v.isBlank();
  }
}
