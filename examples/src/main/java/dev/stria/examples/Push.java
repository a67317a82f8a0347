package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.otlp.OtlpExporter;
import dev.stria.otlp.OtlpExporterBuilder;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The push side of the demo, whichever {@link PushTarget} was chosen: an {@link OtlpExporter}
 * configured entirely by the {@code OTEL_*} settings, or the console exporter printing to the
 * demo's output. {@link #close()} exports once more, so nothing recorded before it is lost.
 */
final class Push implements AutoCloseable {
  static final String DEFAULT_SERVICE_NAME = "stria-demo";

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
        OtlpExporterBuilder builder = OtlpExporter.builder().registry(registry);
        if (!namesService(settings)) {
          builder.serviceName(DEFAULT_SERVICE_NAME);   // a setting here would win over OTEL_*
        }
        OtlpExporter exporter = builder.start();
        yield new Push("OTLP to " + exporter.endpoint(),
            () -> exporter.health().exportsFailed(), exporter);
      }
      case CONSOLE -> {
        ConsoleExporter exporter = ConsoleExporter.start(registry, out);
        yield new Push("the console", () -> 0, exporter);
      }
      case NONE -> new Push("nowhere (OTEL_METRICS_EXPORTER=none)", () -> 0, () -> { });
    };
  }

  private static boolean namesService(Settings settings) {
    String attributes = settings.get("OTEL_RESOURCE_ATTRIBUTES");
    return settings.get("OTEL_SERVICE_NAME") != null
        || (attributes != null && attributes.matches("(^|.*,)\\s*service\\.name\\s*=.*"));
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
