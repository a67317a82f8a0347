package dev.stria.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entity producing the metrics ({@code service.name}, {@code host.name}, ...): OpenTelemetry
 * resource attributes, in insertion order. Exporters attach it to every export (OTLP's resource,
 * Prometheus' {@code target_info}).
 */
public record Resource(Map<String, String> attributes) {
  public Resource {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A resource without attributes. */
  public static Resource empty() {
    return new Resource(Map.of());
  }
}
