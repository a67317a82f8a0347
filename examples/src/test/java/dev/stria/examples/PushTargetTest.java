package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PushTargetTest {

  private static PushTarget choose(Map<String, String> variables) {
    return PushTarget.choose(new Settings(variables::get));
  }

  @Test
  void nothingConfiguredPrintsToTheConsole() {
    assertThat(choose(Map.of())).isEqualTo(PushTarget.CONSOLE);
  }

  @Test
  void anOtlpEndpointAloneMeansOtlp() {
    assertThat(choose(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")))
        .isEqualTo(PushTarget.OTLP);
    assertThat(choose(Map.of("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://c:4318/v1/metrics")))
        .isEqualTo(PushTarget.OTLP);
  }

  @Test
  void theExporterVariableWinsOverAnEndpoint() {
    assertThat(choose(Map.of("OTEL_METRICS_EXPORTER", "console",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"))).isEqualTo(PushTarget.CONSOLE);
    assertThat(choose(Map.of("OTEL_METRICS_EXPORTER", " OTLP "))).isEqualTo(PushTarget.OTLP);
    assertThat(choose(Map.of("OTEL_METRICS_EXPORTER", "none"))).isEqualTo(PushTarget.NONE);
  }

  @Test
  void aListWithOtlpPushesOtlp() {
    assertThat(choose(Map.of("OTEL_METRICS_EXPORTER", "console,otlp"))).isEqualTo(PushTarget.OTLP);
  }

  @Test
  void anUnsupportedExporterIsAnErrorNamingIt() {
    assertThatThrownBy(() -> choose(Map.of("OTEL_METRICS_EXPORTER", "prometheus")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_METRICS_EXPORTER 'prometheus'");
  }
}
