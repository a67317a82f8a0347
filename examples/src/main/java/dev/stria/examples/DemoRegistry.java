package dev.stria.examples;

import dev.stria.MeterRegistry;

/** The registry every mode of the demo records into. */
final class DemoRegistry {
  static final String SERVICE_NAME = "stria-demo";

  private DemoRegistry() {}

  /**
   * A registry whose resource names the service {@code stria-demo} (Prometheus: {@code
   * target_info}; OTLP: the resource), unless {@code OTEL_SERVICE_NAME} or {@code
   * OTEL_RESOURCE_ATTRIBUTES} name it: a registry's own resource would win over them.
   */
  static MeterRegistry create(Settings settings) {
    return namesService(settings) ? new MeterRegistry()
        : MeterRegistry.builder().resourceAttribute("service.name", SERVICE_NAME).build();
  }

  private static boolean namesService(Settings settings) {
    String attributes = settings.get("OTEL_RESOURCE_ATTRIBUTES");
    return settings.get("OTEL_SERVICE_NAME") != null
        || (attributes != null && attributes.matches("(^|.*,)\\s*service\\.name\\s*=.*"));
  }
}
