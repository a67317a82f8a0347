package dev.stria.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the demo pushes: to an OTLP receiver when {@code OTEL_METRICS_EXPORTER} names {@code otlp}
 * or an OTLP endpoint is configured, to standard output when it names {@code console} (or nothing
 * is configured: that needs nothing running), nowhere for {@code none}. Any other value is an
 * {@link IllegalArgumentException}: a typo should not silently print instead of push.
 */
enum PushTarget {
  OTLP, CONSOLE, NONE;

  static final String EXPORTER_VARIABLE = "OTEL_METRICS_EXPORTER";

  static PushTarget choose(Settings settings) {
    String configured = settings.get(EXPORTER_VARIABLE);
    if (configured == null) {
      boolean endpoint = settings.get("OTEL_EXPORTER_OTLP_ENDPOINT") != null
          || settings.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") != null;
      return endpoint ? OTLP : CONSOLE;
    }
    List<String> names = Arrays.stream(configured.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    for (String name : names) {
      if (!List.of("otlp", "console", "logging", "none").contains(name)) {
        throw new IllegalArgumentException(EXPORTER_VARIABLE + " '" + configured
            + "' is not supported here: use otlp, console or none");
      }
    }
    if (names.contains("otlp")) {
      return OTLP;
    }
    if (names.contains("console") || names.contains("logging")) {
      return CONSOLE;
    }
    return NONE;
  }
}
