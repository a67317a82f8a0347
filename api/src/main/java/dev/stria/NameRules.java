package dev.stria;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The syntax rules for instrument names, label names and units, with error messages that name the
 * offending value and the rule.
 */
final class NameRules {
  private NameRules() {}

  private static final Pattern INSTRUMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-/]{0,254}");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.]*");
  private static final int MAX_UNIT_LENGTH = 63;

  static String instrumentName(String name) {
    if (name == null || !INSTRUMENT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metric name " + quote(name) + " is invalid: it must start with a letter, continue with"
              + " letters, digits, '_', '.', '-' or '/', and have at most 255 characters");
    }
    return name;
  }

  static String[] labelNames(String instrument, String... names) {
    if (names == null) {
      throw new IllegalArgumentException("label names of '" + instrument + "' must not be null");
    }
    Map<String, String> seenAsPrometheus = new HashMap<>();
    for (String name : names) {
      if (name == null || !LABEL_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "label name " + quote(name) + " of '" + instrument + "' is invalid: it must match"
                + " [a-zA-Z_][a-zA-Z0-9_.]*");
      }
      if (name.startsWith("__")) {
        throw new IllegalArgumentException(
            "label name '" + name + "' of '" + instrument + "' is invalid: names starting with"
                + " '__' are reserved");
      }
      String underscored = name.replace('.', '_');
      if (underscored.startsWith("otel_scope_")) {
        throw new IllegalArgumentException(
            "label name '" + name + "' of '" + instrument + "' is reserved: exporters write the"
                + " instrumentation scope as otel_scope_* labels (Prometheus: otel_scope_name,"
                + " otel_scope_version), and this label would replace them");
      }
      String clash = seenAsPrometheus.put(underscored, name);
      if (clash != null) {
        throw new IllegalArgumentException(
            "label names '" + clash + "' and '" + name + "' of '" + instrument + "' are"
                + (clash.equals(name) ? " repeated" : " the same once '.' becomes '_'")
                + ": label names must be unique in " + Arrays.toString(names));
      }
    }
    return names.clone();
  }

  /** Refuses label {@code le} on a histogram, where Prometheus writes each bucket's bound. */
  static void histogramLabelNames(String instrument, String[] names) {
    for (String name : names) {
      if (name.equals("le")) {
        throw new IllegalArgumentException(
            "label name 'le' of histogram '" + instrument + "' is reserved: Prometheus writes"
                + " each bucket's upper bound as label le, and a histogram with a label of its"
                + " own by that name cannot be exposed at all");
      }
    }
  }

  static String unit(String instrument, String unit) {
    if (unit == null) {
      throw new IllegalArgumentException("unit of '" + instrument + "' must not be null");
    }
    if (unit.length() > MAX_UNIT_LENGTH || !unit.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new IllegalArgumentException(
          "unit " + quote(unit) + " of '" + instrument + "' is invalid: it must be at most "
              + MAX_UNIT_LENGTH + " printable ASCII characters without spaces (UCUM, e.g. \"s\","
              + " \"By\", \"1\")");
    }
    return unit;
  }

  static String description(String instrument, String description) {
    if (description == null) {
      throw new IllegalArgumentException(
          "description of '" + instrument + "' must not be null (leave it unset instead)");
    }
    return description;
  }

  private static String quote(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
