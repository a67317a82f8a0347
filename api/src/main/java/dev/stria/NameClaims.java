package dev.stria;

import dev.stria.snapshot.MetricType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names each registered instrument takes once exporters convert it, so that two registrations
 * whose exported names would collide are refused when the second one registers, instead of one of
 * them being dropped at every scrape.
 *
 * <p>Two rules, both exporter-neutral enough to hold in the registry:
 *
 * <ul>
 *   <li>OpenTelemetry treats instrument names case-insensitively: {@code Jobs} and {@code jobs}
 *       are one instrument to an OTLP receiver.
 *   <li>Prometheus turns every character outside {@code [a-zA-Z0-9_:]} into {@code _} (runs
 *       collapse to one) and writes a counter as {@code <base>_total} and {@code <base>_created},
 *       a histogram as {@code <base>_bucket}, {@code _count}, {@code _sum} and {@code _created}:
 *       {@code http.requests} and {@code http_requests} are one name, and so are a counter {@code
 *       orders} and a gauge {@code orders_total}. These are the sample names of {@code
 *       dev.stria.prometheus.MetricNaming}, on names sanitised as {@code PrometheusNames.sanitize}
 *       does; keep them in step.
 * </ul>
 *
 * The unit suffix Prometheus appends ({@code s} -> {@code _seconds}) is left to the exporter,
 * which warns once when it has to leave a metric out: the registry would otherwise have to carry
 * one exporter's table of unit words. Claims are kept in lower case, so one map answers both rules.
 * Not thread-safe: the registry calls it under its lock.
 */
final class NameClaims {
  private final Map<String, InstrumentDescriptor> claims = new HashMap<>();

  /**
   * Claims the names of {@code descriptor}.
   *
   * @throws IllegalArgumentException naming both registrations and the rule, if a name is taken
   */
  void claim(InstrumentDescriptor descriptor) {
    List<String> names = exportedNames(descriptor);
    for (String name : names) {
      InstrumentDescriptor holder = claims.get(name);
      if (holder != null) {
        throw collision(holder, descriptor, name);
      }
    }
    for (String name : names) {
      claims.put(name, descriptor);
    }
  }

  /** Frees the names of an unregistered instrument. */
  void release(InstrumentDescriptor descriptor) {
    for (String name : exportedNames(descriptor)) {
      claims.remove(name, descriptor);
    }
  }

  private static IllegalArgumentException collision(InstrumentDescriptor existing,
      InstrumentDescriptor requested, String name) {
    String rule = existing.name().equalsIgnoreCase(requested.name())
        ? "names that differ only in case are one instrument to OpenTelemetry, which treats"
            + " instrument names case-insensitively"
        : "both would be written as the Prometheus sample name '" + name + "' (characters"
            + " outside [a-zA-Z0-9_:] become '_'; counters add _total and _created, histograms"
            + " _bucket, _count, _sum and _created), and a scrape would have to drop one";
    return new IllegalArgumentException("cannot register " + requested + ": it collides with "
        + existing + ": " + rule + ". Choose another name.");
  }

  /** The lower-cased names {@code descriptor} is exported under. */
  static List<String> exportedNames(InstrumentDescriptor descriptor) {
    String base = sanitize(descriptor.name()).toLowerCase(Locale.ROOT);
    MetricType type = descriptor.type();
    if (type == MetricType.COUNTER) {
      String stripped = base.endsWith("_total") && base.length() > "_total".length()
          ? base.substring(0, base.length() - "_total".length())
          : base;
      return List.of(stripped, stripped + "_total", stripped + "_created");
    }
    if (type == MetricType.HISTOGRAM || type == MetricType.EXPONENTIAL_HISTOGRAM) {
      return List.of(base, base + "_bucket", base + "_count", base + "_sum", base + "_created");
    }
    return List.of(base);
  }

  /** Prometheus' metric-name sanitising: invalid characters to {@code _}, runs collapsed. */
  private static String sanitize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == ':';
      char out = valid ? c : '_';
      if (out == '_' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
        continue;
      }
      sb.append(out);
    }
    int end = sb.length();
    while (end > 1 && sb.charAt(end - 1) == '_') {
      end--;
    }
    return sb.substring(0, end);
  }
}
