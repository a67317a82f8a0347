package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoRegistryTest {

  private static Map<String, String> resourceWith(Map<String, String> variables) {
    return DemoRegistry.create(new Settings(variables::get)).resource().attributes();
  }

  @Test
  void namesTheServiceStriaDemoByDefault() {
    assertThat(resourceWith(Map.of())).containsEntry("service.name", "stria-demo");
  }

  @Test
  void leavesTheNameToOtelServiceName() {
    assertThat(resourceWith(Map.of("OTEL_SERVICE_NAME", "checkout")))
        .doesNotContainKey("service.name");
  }

  @Test
  void leavesTheNameToOtelResourceAttributes() {
    assertThat(resourceWith(Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=a, service.name=checkout")))
        .doesNotContainKey("service.name");
    assertThat(resourceWith(Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=a")))
        .containsEntry("service.name", "stria-demo");
  }
}
