package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.MeterRegistry;
import dev.stria.config.ConfigSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard OTEL_* settings, read as OpenTelemetry's Prometheus exporter reads them. */
class PrometheusEnvironmentTest {

  @Test
  void hostAndPortComeFromTheEnvironmentWhenTheBuilderHasNone() throws Exception {
    int port = freePort();
    MeterRegistry registry = new MeterRegistry();
    registry.counter("jobs").register().inc();
    try (PrometheusExporter exporter = PrometheusExporter.builder(ConfigSource.of(Map.of(
            "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
            "OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(port))))
        .registry(registry).start()) {
      assertThat(exporter.port()).isEqualTo(port);
      assertThat(scrape(port)).contains("jobs_total{");
    }
  }

  @Test
  void builderHostAndPortWinOverTheEnvironment() throws Exception {
    try (PrometheusExporter exporter = PrometheusExporter.builder(ConfigSource.of(Map.of(
            "OTEL_EXPORTER_PROMETHEUS_HOST", "nonexistent.invalid",
            "OTEL_EXPORTER_PROMETHEUS_PORT", "1")))
        .registry(new MeterRegistry()).host("127.0.0.1").port(0).start()) {
      assertThat(exporter.port()).isNotEqualTo(1);
      assertThat(scrape(exporter.port())).contains("target_info");
    }
  }

  @Test
  void serviceNameAndResourceAttributesOverrideTheRegistrysResource() throws Exception {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "from-code").resourceAttribute("region", "eu").build();
    try (PrometheusExporter exporter = PrometheusExporter.builder(ConfigSource.of(Map.of(
            "OTEL_SERVICE_NAME", "from-env",
            "OTEL_RESOURCE_ATTRIBUTES", "service.name=attr,team=payments")))
        .registry(registry).host("127.0.0.1").port(0).start()) {
      assertThat(scrape(exporter.port())).contains("target_info{region=\"eu\",service_name=\"from-env\","
          + "team=\"payments\",telemetry_sdk_language=\"java\",telemetry_sdk_name=\"stria\"");
    }
  }

  @Test
  void servesWhateverTheSdkAutoconfigurationSettingsSay() throws Exception {
    // Those choose exporters for an autoconfigured SDK (the OpenTelemetry Java agent reads them
    // too); an exporter built in code is not theirs to switch off.
    MeterRegistry registry = new MeterRegistry();
    registry.counter("jobs").register().inc();
    try (PrometheusExporter exporter = PrometheusExporter.builder(ConfigSource.of(Map.of(
            "OTEL_SDK_DISABLED", "true", "OTEL_METRICS_EXPORTER", "none")))
        .registry(registry).host("127.0.0.1").port(0).start()) {
      assertThat(scrape(exporter.port())).contains("jobs_total{");
    }
  }

  @Test
  void malformedPortStopsStartNamingVariableValueAndRule() {
    PrometheusExporter.Builder b = PrometheusExporter.builder(ConfigSource.of(Map.of(
        "OTEL_EXPORTER_PROMETHEUS_PORT", "94640"))).registry(new MeterRegistry());
    assertThatThrownBy(b::start).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OTEL_EXPORTER_PROMETHEUS_PORT='94640' is invalid: it must be a port number"
            + " from 0 to 65535");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String scrape(int port) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
