package dev.stria.config;

import java.util.Locale;
import java.util.Map;

/**
 * Where the standard {@code OTEL_*} settings are read from. The default looks, in order, at the
 * system property with the variable's own name ({@code -DOTEL_SERVICE_NAME=x}), the system
 * property in OpenTelemetry Java's dotted form ({@code -Dotel.service.name=x}) and the environment
 * variable. Blank values count as unset. Tests inject a map instead.
 */
@FunctionalInterface
public interface ConfigSource {
  /**
   * The value of {@code variable}, trimmed, or null when unset or blank.
   *
   * @param variable an environment variable name, such as {@code OTEL_SERVICE_NAME}
   * @return the value, or null
   */
  String get(String variable);

  /**
   * System properties, then the environment.
   *
   * @return the source every exporter reads by default
   */
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

  /**
   * A fixed map, for tests.
   *
   * @param values variables and their values
   * @return a source that reads only {@code values}
   */
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
