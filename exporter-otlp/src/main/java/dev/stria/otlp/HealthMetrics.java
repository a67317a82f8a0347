package dev.stria.otlp;

import dev.stria.MeterRegistry;
import dev.stria.Registration;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes {@link ExporterHealth} in the exporter's registry as callback instruments, read at
 * each collection (so they cost nothing between collections and never touch a recording thread):
 * counters {@code stria.otlp.exports.succeeded}, {@code stria.otlp.exports.failed}, {@code
 * stria.otlp.points.dropped} and the gauge {@code stria.otlp.export.duration} (seconds).
 *
 * <p>A registry holds each name once: a second OTLP exporter on the same registry keeps its
 * counters in {@link OtlpExporter#health()} only, and says so in one warning.
 */
final class HealthMetrics {
  static final String SUCCEEDED = "stria.otlp.exports.succeeded";
  static final String FAILED = "stria.otlp.exports.failed";
  static final String DROPPED = "stria.otlp.points.dropped";
  static final String DURATION = "stria.otlp.export.duration";

  private HealthMetrics() {}

  /** Registers the instruments; returns what unregisters them (null without a registry). */
  static AutoCloseable register(MeterRegistry registry, ExporterHealth health) {
    if (registry == null) {
      return null;
    }
    List<Registration> registrations = new ArrayList<>();
    try {
      registrations.add(registry.counter(SUCCEEDED).unit("1")
          .description("OTLP exports the receiver accepted")
          .callback(() -> health.exportsSucceeded()));
      registrations.add(registry.counter(FAILED).unit("1")
          .description("OTLP exports refused or given up after retries")
          .callback(() -> health.exportsFailed()));
      registrations.add(registry.counter(DROPPED).unit("1")
          .description("data points the OTLP exporter could not deliver and discarded")
          .callback(() -> health.pointsDropped()));
      registrations.add(registry.gauge(DURATION).unit("s")
          .description("duration of the last OTLP export, retries included")
          .callback(health::lastExportSeconds));
    } catch (IllegalArgumentException alreadyRegistered) {
      System.getLogger("dev.stria.otlp").log(Level.WARNING, "this registry already publishes an"
          + " OTLP exporter's health metrics; this exporter's are in OtlpExporter.health() only: "
          + alreadyRegistered.getMessage());
    }
    return () -> registrations.forEach(Registration::close);
  }
}
