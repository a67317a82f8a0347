package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.otlp.ConsoleExporter;
import dev.stria.otlp.OtlpExporter;
import dev.stria.prometheus.PushgatewayExporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The push side of the demo, whichever {@link PushTarget}s were chosen: an {@link OtlpExporter}
 * configured entirely by the {@code OTEL_*} settings, or the OTLP module's {@link ConsoleExporter}
 * printing a table to the demo's output (every {@code OTEL_METRIC_EXPORT_INTERVAL}, default 60 s);
 * or, for the batch mode's {@code --pushgateway}, a {@link PushgatewayExporter}. {@link #close()}
 * exports once more, so nothing recorded before it is lost.
 */
final class Push implements AutoCloseable {
  static final String INTERVAL_VARIABLE = "OTEL_METRIC_EXPORT_INTERVAL";
  static final String PUSHGATEWAY_JOB = "stria-demo-batch";

  private final String description;
  private final LongSupplier failedExports;
  private final AutoCloseable exporter;

  private Push(String description, LongSupplier failedExports, AutoCloseable exporter) {
    this.description = description;
    this.failedExports = failedExports;
    this.exporter = exporter;
  }

  /**
   * Starts pushing {@code registry}'s metrics to {@code target}.
   *
   * @throws IllegalArgumentException when an {@code OTEL_*} setting is malformed
   */
  static Push start(PushTarget target, MeterRegistry registry, Settings settings,
      PrintStream out) {
    return switch (target) {
      case OTLP -> {
        OtlpExporter exporter = OtlpExporter.builder().registry(registry).start();
        yield new Push("OTLP to " + exporter.endpoint(),
            () -> exporter.health().exportsFailed(), exporter);
      }
      case CONSOLE -> {
        ConsoleExporter.Builder builder = ConsoleExporter.builder().registry(registry).output(out);
        Duration interval = interval(settings);
        if (interval != null) {
          builder.interval(interval);
        }
        yield new Push("the console", () -> 0, builder.start());
      }
    };
  }

  /**
   * Starts a push for each of the {@code exporters}' push targets, or one that pushes nothing
   * (and says why) when they have none. The list is mutable, for the caller to add to.
   *
   * @throws IllegalArgumentException when an {@code OTEL_*} setting is malformed; the pushes
   *     already started are closed first
   */
  static List<Push> startAll(DemoExporters exporters, MeterRegistry registry, Settings settings,
      PrintStream out) {
    List<Push> pushes = new ArrayList<>();
    try {
      for (PushTarget target : exporters.pushes()) {
        pushes.add(start(target, registry, settings, out));
      }
    } catch (RuntimeException e) {
      pushes.forEach(Push::close);
      throw e;
    }
    if (pushes.isEmpty()) {
      pushes.add(new Push("nowhere (" + exporters.why() + ")", () -> 0, () -> { }));
    }
    return pushes;
  }

  /**
   * Pushes {@code registry}'s metrics to the Pushgateway at {@code address} as job {@value
   * #PUSHGATEWAY_JOB} when closed (and from the JVM's shutdown hook, should the job be killed).
   *
   * @throws IllegalArgumentException when the address is malformed
   */
  static Push pushgateway(String address, MeterRegistry registry) {
    PushgatewayExporter exporter = PushgatewayExporter.builder()
        .registry(registry).address(address).job(PUSHGATEWAY_JOB).build();
    return new Push("the Pushgateway at " + address, exporter::pushesFailed, exporter);
  }

  /** OTEL_METRIC_EXPORT_INTERVAL applies to the console too; null when unset. */
  private static Duration interval(Settings settings) {
    String millis = settings.get(INTERVAL_VARIABLE);
    if (millis == null) {
      return null;
    }
    try {
      long value = Long.parseLong(millis);
      if (value > 0) {
        return Duration.ofMillis(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(INTERVAL_VARIABLE + " '" + millis
        + "' must be a positive number of milliseconds");
  }

  /** Where the metrics go, for the demo's output. */
  String description() {
    return description;
  }

  /** Stops the schedule and exports one last time. */
  @Override
  public void close() {
    finish();
  }

  /**
   * Stops the schedule and exports one last time; true when that last export was delivered. Only
   * the first call exports.
   */
  boolean finish() {
    long failedBefore = failedExports.getAsLong();
    try {
      exporter.close();
    } catch (Exception e) {
      System.getLogger("dev.stria.examples").log(System.Logger.Level.WARNING,
          "closing the push exporter failed", e);
      return false;
    }
    return failedExports.getAsLong() == failedBefore;
  }
}
