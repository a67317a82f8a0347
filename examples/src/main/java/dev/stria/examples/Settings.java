package dev.stria.examples;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads an {@code OTEL_*} setting the way the OTLP exporter does: the system property of the
 * variable's own name, then its dotted lower-case form ({@code otel.metrics.exporter}), then the
 * environment variable. Tests give their own lookup.
 */
record Settings(UnaryOperator<String> lookup) {

  static Settings system() {
    return new Settings(variable -> {
      String value = System.getProperty(variable);
      if (value == null) {
        value = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
      }
      if (value == null) {
        value = System.getenv(variable);
      }
      return value;
    });
  }

  /** The setting's value, trimmed; null when unset or blank. */
  String get(String variable) {
    String value = lookup.apply(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.trim();
  }
}
