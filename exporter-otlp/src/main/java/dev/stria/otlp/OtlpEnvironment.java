package dev.stria.otlp;

import static dev.stria.config.ConfigValues.invalid;
import static dev.stria.config.ConfigValues.parsePairs;

import dev.stria.config.ConfigSource;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The standard OpenTelemetry settings that concern a metrics exporter, read from a {@link
 * ConfigSource} and parsed strictly: a malformed value throws an {@link IllegalArgumentException}
 * that names the variable, the value and the rule, instead of falling back to a default.
 * Signal-specific variables ({@code OTEL_EXPORTER_OTLP_METRICS_*}) win over the generic ones.
 * Every getter returns null when the setting is absent.
 */
final class OtlpEnvironment {
  static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  static final String METRICS_ENDPOINT = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
  static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
  static final String METRICS_PROTOCOL = "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL";
  static final String HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
  static final String METRICS_HEADERS = "OTEL_EXPORTER_OTLP_METRICS_HEADERS";
  static final String COMPRESSION = "OTEL_EXPORTER_OTLP_COMPRESSION";
  static final String METRICS_COMPRESSION = "OTEL_EXPORTER_OTLP_METRICS_COMPRESSION";
  static final String TIMEOUT = "OTEL_EXPORTER_OTLP_TIMEOUT";
  static final String METRICS_TIMEOUT = "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT";
  static final String TEMPORALITY = "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE";
  static final String INTERVAL = "OTEL_METRIC_EXPORT_INTERVAL";

  static final String METRICS_PATH = "v1/metrics";

  private final ConfigSource source;

  OtlpEnvironment(ConfigSource source) {
    this.source = source;
  }

  /** The metrics endpoint: the signal-specific one as is, else the base one plus /v1/metrics. */
  URI endpoint() {
    String specific = source.get(METRICS_ENDPOINT);
    if (specific != null) {
      return parseEndpoint(METRICS_ENDPOINT, specific);
    }
    String base = source.get(ENDPOINT);
    if (base == null) {
      return null;
    }
    parseEndpoint(ENDPOINT, base);
    return parseEndpoint(ENDPOINT, base + (base.endsWith("/") ? "" : "/") + METRICS_PATH);
  }

  OtlpProtocol protocol() {
    String variable = pick(METRICS_PROTOCOL, PROTOCOL);
    return variable == null ? null
        : parse(variable, () -> OtlpProtocol.parse(source.get(variable)));
  }

  /** Generic headers, overridden key by key by the metrics-specific ones. */
  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String variable : new String[] {HEADERS, METRICS_HEADERS}) {
      String v = source.get(variable);
      if (v != null) {
        parsePairs(variable, v).forEach((name, value) -> {
          String problem = HttpHeaders.problem(name, value);
          if (problem != null) {
            throw invalid(variable, v, "header '" + name + "': " + problem);
          }
          headers.put(name, value);
        });
      }
    }
    return headers;
  }

  /** True for gzip, false for none. */
  Boolean gzip() {
    String variable = pick(METRICS_COMPRESSION, COMPRESSION);
    if (variable == null) {
      return null;
    }
    String v = source.get(variable);
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "gzip" -> Boolean.TRUE;
      case "none" -> Boolean.FALSE;
      default -> throw invalid(variable, v, "it must be gzip or none");
    };
  }

  Duration timeout() {
    String variable = pick(METRICS_TIMEOUT, TIMEOUT);
    return variable == null ? null : millis(variable);
  }

  TemporalityPreference temporality() {
    String v = source.get(TEMPORALITY);
    return v == null ? null : parse(TEMPORALITY, () -> TemporalityPreference.parse(v));
  }

  Duration interval() {
    return source.get(INTERVAL) == null ? null : millis(INTERVAL);
  }

  // ---- parsing ----------------------------------------------------------------------------

  private String pick(String specific, String generic) {
    return source.get(specific) != null ? specific : source.get(generic) != null ? generic : null;
  }

  static URI parseEndpoint(String variable, String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw invalid(variable, value, "it must be an absolute http:// or https:// URL ("
          + e.getMessage() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw invalid(variable, value, "it must be an absolute http:// or https:// URL with a host");
    }
    return uri;
  }

  private Duration millis(String variable) {
    String v = source.get(variable);
    long ms;
    try {
      ms = Long.parseLong(v);
    } catch (NumberFormatException e) {
      ms = -1;
    }
    if (ms <= 0) {
      throw invalid(variable, v, "it must be a positive whole number of milliseconds");
    }
    return Duration.ofMillis(ms);
  }

  private static <T> T parse(String variable, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
    }
  }
}
