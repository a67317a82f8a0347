package dev.stria.prometheus;

import dev.stria.snapshot.MetricType;
import java.util.Map;

/**
 * The OpenTelemetry-to-Prometheus naming rules, as pure functions on strings.
 *
 * <ul>
 *   <li>Metric names: every character outside {@code [a-zA-Z0-9_:]} becomes {@code _}, runs of
 *       {@code _} collapse to one, a leading digit gets a {@code _} in front.
 *   <li>Units: {@code {...}} annotations are dropped, {@code "1"} and empty units add nothing, UCUM
 *       units become words ({@code s -> seconds}, {@code ms -> milliseconds}, {@code By -> bytes},
 *       {@code By/s -> bytes_per_second}); other units are sanitised and used as they are. The
 *       suffix is appended unless the name already ends with it.
 *   <li>Counters: a trailing {@code _total} is removed from the base name; the exposition
 *       writers add it back exactly once.
 *   <li>Label names: like metric names, except that {@code :} is invalid too.
 * </ul>
 */
final class PrometheusNames {
  private PrometheusNames() {}

  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"),
      Map.entry("s", "seconds"), Map.entry("ms", "milliseconds"),
      Map.entry("us", "microseconds"), Map.entry("ns", "nanoseconds"),
      Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"), Map.entry("MiBy", "mebibytes"),
      Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"),
      Map.entry("KBy", "kilobytes"), Map.entry("MBy", "megabytes"),
      Map.entry("GBy", "gigabytes"), Map.entry("TBy", "terabytes"),
      Map.entry("m", "meters"), Map.entry("V", "volts"), Map.entry("A", "amperes"),
      Map.entry("J", "joules"), Map.entry("W", "watts"), Map.entry("g", "grams"),
      Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"), Map.entry("%", "percent"));

  private static final Map<String, String> PER_UNITS = Map.of(
      "s", "second", "m", "meter", "min", "minute", "h", "hour", "d", "day", "w", "week",
      "mo", "month", "y", "year");

  /**
   * The Prometheus base name of a metric: sanitised, with its unit suffix, without {@code _total}
   * for counters (the writers append it).
   */
  static String metricBaseName(String name, String unit, MetricType type) {
    String base = trimTrailingUnderscores(sanitize(name, true));
    if (type == MetricType.COUNTER) {
      base = stripSuffix(base, "_total");
    }
    String suffix = unitSuffix(unit);
    if (!suffix.isEmpty() && !base.endsWith("_" + suffix) && !base.equals(suffix)) {
      base = collapse(base + "_" + suffix);
    }
    if (type == MetricType.COUNTER) {
      base = stripSuffix(base, "_total");
    }
    return trimTrailingUnderscores(base);
  }

  /** The word a UCUM unit becomes at the end of a metric name; empty when it adds nothing. */
  static String unitSuffix(String unit) {
    String u = unit.replaceAll("\\{[^}]*}", "").trim();
    if (u.isEmpty() || u.equals("1")) {
      return "";
    }
    int slash = u.indexOf('/');
    if (slash >= 0) {
      String over = u.substring(0, slash).trim();
      String per = u.substring(slash + 1).trim();
      String perWord = PER_UNITS.getOrDefault(per, per.isEmpty() ? "" : sanitize(per, false));
      String overWord = over.isEmpty() || over.equals("1") ? "" : word(over);
      if (perWord.isEmpty() || perWord.equals("_")) {
        return overWord;
      }
      return trimUnderscores(collapse(
          (overWord.isEmpty() ? "" : overWord + "_") + "per_" + perWord));
    }
    return word(u);
  }

  private static String word(String unit) {
    String known = UNITS.get(unit);
    return known != null ? known : trimUnderscores(sanitize(unit, false));
  }

  /** A valid Prometheus label name for an attribute or label key. */
  static String labelName(String name) {
    return sanitize(name, false);
  }

  /**
   * Replaces characters outside {@code [a-zA-Z0-9_]} (plus {@code :} for metric names) with
   * {@code _}, collapses runs of {@code _} and puts {@code _} before a leading digit.
   */
  static String sanitize(String name, boolean allowColon) {
    StringBuilder sb = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || (allowColon && c == ':');
      char out = valid ? c : '_';
      if (out == '_' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
        continue;
      }
      if (Character.isSurrogate(c) && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++; // one code point, one underscore
      }
      sb.append(out);
    }
    if (sb.length() == 0) {
      return "_";
    }
    if (sb.charAt(0) >= '0' && sb.charAt(0) <= '9') {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  private static String collapse(String s) {
    return s.replaceAll("_{2,}", "_");
  }

  private static String trimUnderscores(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '_') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '_') {
      to--;
    }
    return s.substring(from, to);
  }

  private static String trimTrailingUnderscores(String s) {
    int to = s.length();
    while (to > 1 && s.charAt(to - 1) == '_') {
      to--;
    }
    return s.substring(0, to);
  }

  private static String stripSuffix(String s, String suffix) {
    return s.endsWith(suffix) && s.length() > suffix.length()
        ? s.substring(0, s.length() - suffix.length())
        : s;
  }
}
