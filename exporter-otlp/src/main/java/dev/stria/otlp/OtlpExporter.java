package dev.stria.otlp;

import dev.stria.config.ConfigSource;
import java.net.URI;
import java.time.Duration;

/**
 * Pushes a registry's metrics to an OpenTelemetry Collector (or any OTLP/HTTP receiver) every
 * interval, on its own daemon thread, and once more when closed.
 *
 * <pre>{@code
 * try (OtlpExporter exporter = OtlpExporter.builder()
 *     .registry(registry)                                   // or .reader(metricReader)
 *     .endpoint("http://collector:4318/v1/metrics")        // default http://localhost:4318/v1/metrics
 *     .temporalityPreference(TemporalityPreference.DELTA)   // default cumulative
 *     .interval(Duration.ofSeconds(10))                     // default 60 s
 *     .shutdownHook(true)                                   // the default: flush when the JVM exits
 *     .start()) {
 *   runBatchJob();
 * }                                                         // close(): collect and export once more
 * }</pre>
 *
 * <p>Defaults: protocol {@code http/protobuf}, no compression, request timeout 10 s, connect
 * timeout 10 s, {@link RetryPolicy#DEFAULT}, delta backlog of 10,000 points, close timeout 10 s,
 * a shutdown hook that exports once more when the JVM exits without {@code close()}. Every setting not given to the builder is read from the standard {@code
 * OTEL_*} variables (see {@link OtlpExporterBuilder}).
 *
 * <p>No method of the exporter, and nothing it runs, throws into a recording thread; export
 * failures are logged (rate-limited, {@code System.Logger} "dev.stria.otlp") and counted in
 * {@link #health()}.
 */
public final class OtlpExporter implements AutoCloseable {
  private final PeriodicExport periodic;
  private final ExporterHealth health;
  private final URI endpoint;
  private final Duration closeTimeout;
  private final AutoCloseable healthRegistration;

  OtlpExporter(PeriodicExport periodic, ExporterHealth health, URI endpoint,
      Duration closeTimeout, AutoCloseable healthRegistration) {
    this.periodic = periodic;
    this.health = health;
    this.endpoint = endpoint;
    this.closeTimeout = closeTimeout;
    this.healthRegistration = healthRegistration;
  }

  /**
   * A builder; settings it is not given come from the {@code OTEL_*} variables, then the defaults.
   */
  public static OtlpExporterBuilder builder() {
    return new OtlpExporterBuilder(ConfigSource.system());
  }

  /** Where the exporter posts. */
  public URI endpoint() {
    return endpoint;
  }

  /** Export counters, also published as {@code stria.otlp.*} metrics when built on a registry. */
  public ExporterHealth health() {
    return health;
  }

  /** Collects and exports now, waiting at most the close timeout; true if delivered. */
  public boolean forceFlush() {
    return forceFlush(closeTimeout);
  }

  /** Collects and exports now, waiting at most {@code timeout}; true if delivered. */
  public boolean forceFlush(Duration timeout) {
    return periodic.forceFlush(timeout);
  }

  /**
   * Stops the schedule, then collects and exports one last time within the close timeout.
   * Idempotent. Returns normally even when the last export fails (it is logged and counted).
   */
  @Override
  public void close() {
    periodic.close();
    if (healthRegistration != null) {
      try {
        healthRegistration.close();
      } catch (Exception e) {
        System.getLogger("dev.stria.otlp").log(System.Logger.Level.WARNING,
            "unregistering the exporter's health metrics failed", e);
      }
    }
  }
}
