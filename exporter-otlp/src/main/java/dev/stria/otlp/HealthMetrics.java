package dev.stria.otlp;

/**
 * Publishes {@link ExporterHealth} as callback instruments in the exporter's registry. Until the
 * registry API is available this registers nothing.
 */
final class HealthMetrics {
  private HealthMetrics() {}

  static AutoCloseable register(Object registry, ExporterHealth health) {
    return null;
  }
}
