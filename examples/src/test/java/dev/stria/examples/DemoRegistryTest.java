package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.config.ConfigSource;
import dev.stria.config.ResourceConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service name the demo's exporters report, merged as every exporter merges it. */
class DemoRegistryTest {

  private static String exportedServiceName(Map<String, String> variables) {
    return ResourceConfig.merge(DemoRegistry.create().resource(), ConfigSource.of(variables),
        Map.of(), null).attributes().get("service.name");
  }

  @Test
  void namesTheServiceStriaDemoByDefault() {
    assertThat(exportedServiceName(Map.of())).isEqualTo("stria-demo");
    assertThat(exportedServiceName(Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=a")))
        .isEqualTo("stria-demo");
  }

  @Test
  void otelServiceNameWinsOverTheDemosName() {
    assertThat(exportedServiceName(Map.of("OTEL_SERVICE_NAME", "checkout")))
        .isEqualTo("checkout");
  }

  @Test
  void otelResourceAttributesWinOverTheDemosName() {
    assertThat(exportedServiceName(
        Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=a, service.name=checkout")))
        .isEqualTo("checkout");
  }
}
