package dev.stria.examples;

import dev.stria.MeterRegistry;

/** The registry every mode of the demo records into. */
final class DemoRegistry {
  static final String SERVICE_NAME = "stria-demo";

  private DemoRegistry() {}

  /**
   * A registry whose resource names the service {@code stria-demo} (Prometheus: {@code
   * target_info}; OTLP: the resource). That is only the application's default: every exporter
   * lets {@code OTEL_RESOURCE_ATTRIBUTES}, then {@code OTEL_SERVICE_NAME}, win over a registry's
   * resource, so an operator renames the demo without a rebuild.
   */
  static MeterRegistry create() {
    return MeterRegistry.builder().resourceAttribute("service.name", SERVICE_NAME).build();
  }
}
