package dev.stria.examples;

import dev.stria.examples.CommandLine.Mode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which exporters a run of the demo starts, read from {@code OTEL_SDK_DISABLED} and {@code
 * OTEL_METRICS_EXPORTER} as OpenTelemetry's SDK autoconfiguration reads them. This is the demo's
 * own choice, not the library's: Stria's exporters, built in code, ignore both variables (see the
 * README), so an application that wants them copies a class like this one.
 *
 * <ul>
 *   <li>{@code OTEL_SDK_DISABLED=true} (any case): nothing is exported, not even to the
 *       Pushgateway of {@code --pushgateway}; the demo still runs. {@code false} or unset: enabled.
 *       Any other value is read as false with a warning, as the specification says.
 *   <li>{@code OTEL_METRICS_EXPORTER}: a comma-separated list of {@code prometheus} (the scrape
 *       endpoint at {@code --host}/{@code --port}), {@code otlp} (push), {@code console} (a table
 *       on standard output; {@code logging} is its old name) or {@code none} alone. Any other name,
 *       or {@code none} in a list, is an {@link IllegalArgumentException}, as is {@code
 *       prometheus} in the batch mode, which ends before a scrape could come.
 *   <li>Unset, each mode has its defaults: {@code service} serves, {@code batch} pushes, {@code
 *       both} and {@code otel} do both, and pushing means OTLP when an OTLP endpoint is configured, otherwise the
 *       console (unlike the SDK's default {@code otlp}: the demo must work with nothing running).
 * </ul>
 *
 * @param disabled whether {@code OTEL_SDK_DISABLED} turned every exporter off, the Pushgateway's
 *     included
 * @param serve whether the Prometheus endpoint is served
 * @param pushes where metrics are pushed, in the order named
 * @param why the setting that chose them, for the demo's output when nothing is pushed
 */
record DemoExporters(boolean disabled, boolean serve, List<PushTarget> pushes, String why) {
  static final String DISABLED_VARIABLE = "OTEL_SDK_DISABLED";
  static final String EXPORTER_VARIABLE = "OTEL_METRICS_EXPORTER";

  /**
   * The exporters of a run in {@code mode}; a warning about a value read leniently goes to
   * {@code err}.
   *
   * @throws IllegalArgumentException naming the variable, its value and the rule
   */
  static DemoExporters choose(Mode mode, Settings settings, PrintStream err) {
    String disabled = settings.get(DISABLED_VARIABLE);
    if (disabled != null && disabled.equalsIgnoreCase("true")) {
      return new DemoExporters(true, false, List.of(), DISABLED_VARIABLE + "=true");
    }
    if (disabled != null && !disabled.equalsIgnoreCase("false")) {
      err.println("warning: " + DISABLED_VARIABLE + "='" + disabled + "' is neither true nor"
          + " false: read as false, so metrics are exported");
    }
    String configured = settings.get(EXPORTER_VARIABLE);
    Set<String> names = configured == null ? Set.of() : names(configured);
    if (names.isEmpty()) {
      names = defaults(mode, settings);
    } else if (names.contains("none") && names.size() > 1) {
      throw invalid(configured, "none cannot be listed with other exporters");
    } else if (names.contains("prometheus") && mode == Mode.BATCH) {
      throw invalid(configured, "prometheus does not apply to the batch mode, which ends before"
          + " Prometheus would scrape it: push to a Pushgateway with --pushgateway URL instead");
    }
    List<PushTarget> pushes = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "otlp" -> pushes.add(PushTarget.OTLP);
        case "console", "logging" -> pushes.add(PushTarget.CONSOLE);
        default -> { } // prometheus, none
      }
    }
    return new DemoExporters(false, names.contains("prometheus"), List.copyOf(pushes),
        EXPORTER_VARIABLE + "=" + String.join(",", names));
  }

  private static Set<String> names(String configured) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : Arrays.stream(configured.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList()) {
      String known = name.toLowerCase(Locale.ROOT);
      if (!Set.of("otlp", "prometheus", "console", "logging", "none").contains(known)) {
        throw invalid(configured, "'" + name + "' is not an exporter the demo has: list otlp,"
            + " prometheus or console, or give none");
      }
      names.add(known);
    }
    return names;
  }

  private static Set<String> defaults(Mode mode, Settings settings) {
    boolean endpoint = settings.get("OTEL_EXPORTER_OTLP_ENDPOINT") != null
        || settings.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") != null;
    String push = endpoint ? "otlp" : "console";
    return switch (mode) {
      case SERVICE -> Set.of("prometheus");
      case BATCH -> Set.of(push);
      case BOTH, OTEL -> new LinkedHashSet<>(List.of("prometheus", push));
    };
  }

  private static IllegalArgumentException invalid(String value, String rule) {
    return new IllegalArgumentException(EXPORTER_VARIABLE + "='" + value + "' is invalid: "
        + rule);
  }
}
