package dev.stria.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.prometheus.PrometheusExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The conformance workload scraped over HTTP from Stria's Prometheus exporter: the names,
 * scope labels and attribute string forms the OpenTelemetry-to-Prometheus rules give.
 */
class PrometheusScrapeTest {

  @Test
  void workloadIsExposedUnderTheOpenTelemetryToPrometheusNames() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Workload workload = new Workload(StriaMeterProvider.create(registry));
    workload.first();
    workload.second();
    try (PrometheusExporter exporter =
        PrometheusExporter.builder().registry(registry).host("127.0.0.1").port(0).start()) {
      String text = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
              .build(),
          HttpResponse.BodyHandlers.ofString()).body();

      assertThat(text).contains(
          "# TYPE orders_processed_total counter",
          "orders_processed_total{otel_scope_name=\"com.example.jobs\","
              + "otel_scope_version=\"1.4.0\",shard=\"3\",tier=\"gold\"} 8.0",
          "orders_processed_total{flags=\"[true,false]\",ids=\"[1,2]\","
              + "otel_scope_name=\"com.example.jobs\",otel_scope_version=\"1.4.0\","
              + "ratios=\"[0.25,1.5]\",tags=\"[\\\"a\\\",\\\"b\\\\\\\"c\\\"]\"} 1.0",
          "orders_processed_total{otel_scope_name=\"com.example.jobs\","
              + "otel_scope_version=\"1.4.0\",retry=\"true\",tier=\"silver\",weight=\"0.5\"} 2.0",
          "# TYPE http_server_request_duration_seconds histogram",
          "http_server_request_duration_seconds_bucket{otel_scope_name=\"com.example.http\","
              + "shard=\"3\",tier=\"gold\",le=\"0.01\"} 1",
          "# TYPE http_server_request_body_size_bytes histogram",
          "# TYPE orders_revenue_USD_total counter",
          "# TYPE jobs_queued gauge",
          "# TYPE machine_temperature_celsius gauge",
          "# TYPE items_read_total counter",
          "system_load{otel_scope_name=\"com.example.http\"} 1.5");
    }
  }
}
