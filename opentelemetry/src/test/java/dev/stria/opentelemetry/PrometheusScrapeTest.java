package dev.stria.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.prometheus.ExternalBinary;
import dev.stria.prometheus.PrometheusExporter;
import dev.stria.prometheus.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance workload scraped over HTTP from Stria's Prometheus exporter: the names,
 * scope labels and attribute string forms the OpenTelemetry-to-Prometheus rules give, in the
 * exposition and in a real Prometheus server's storage.
 */
class PrometheusScrapeTest {
  /**
   * What the OpenTelemetry-to-Prometheus rules make of the workload's instruments: {@code .} to
   * {@code _}, units as suffixes ({@code s} seconds, {@code By} bytes, {@code Cel} celsius,
   * {@code USD} kept, {@code {order}} dropped), {@code _total} on monotonic sums, histograms as
   * {@code _bucket}, {@code _count} and {@code _sum}; the resource is {@code target_info}. The
   * {@code _created} series are OpenMetrics' creation times of counters and histograms, which
   * Prometheus 2.42 stores as series of their own (Prometheus scrapes OpenMetrics by default).
   */
  private static final Set<String> EXPECTED_NAMES = new TreeSet<>(Arrays.asList(
      "orders_processed_total", "orders_revenue_USD_total", "items_read_total",
      "orders_processed_created", "orders_revenue_USD_created", "items_read_created",
      "http_server_request_duration_seconds_created",
      "http_server_request_body_size_bytes_created",
      "jobs_queued", "account_balance_USD", "pool_size", "http_connections",
      "machine_temperature_celsius", "worker_threads", "heap_ratio", "system_load",
      "http_server_request_duration_seconds_bucket", "http_server_request_duration_seconds_count",
      "http_server_request_duration_seconds_sum", "http_server_request_body_size_bytes_bucket",
      "http_server_request_body_size_bytes_count", "http_server_request_body_size_bytes_sum",
      "target_info"));
  /** The series Prometheus adds to every scrape itself. */
  private static final Pattern PROMETHEUS_OWN = Pattern.compile("up|scrape_.*");
  private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");

  @Test
  void aRealPrometheusStoresTheWorkloadUnderTheOpenTelemetryToPrometheusNames(@TempDir Path dir)
      throws Exception {
    Path binary = ExternalBinary.require("prometheus");
    MeterRegistry registry = new MeterRegistry();
    Workload workload = new Workload(StriaMeterProvider.create(registry));
    workload.first();
    workload.second();
    try (PrometheusExporter exporter =
            PrometheusExporter.builder().registry(registry).host("127.0.0.1").port(0).start();
        PrometheusServer prometheus = PrometheusServer.start(binary, dir, exporter.port(), false)) {
      prometheus.awaitHealthyTarget();
      String names = prometheus.awaitBody("/api/v1/label/__name__/values",
          body -> body.contains("system_load"), Duration.ofSeconds(30));

      Set<String> stored = new TreeSet<>();
      Matcher m = NAME.matcher(names.substring(names.indexOf('[')));
      while (m.find()) {
        if (!PROMETHEUS_OWN.matcher(m.group(1)).matches()) {
          stored.add(m.group(1));
        }
      }
      assertThat(stored).isEqualTo(EXPECTED_NAMES);
      assertThat(prometheus.queryValue("sum(orders_processed_total{tier=\"gold\",shard=\"3\","
          + "otel_scope_name=\"com.example.jobs\",otel_scope_version=\"1.4.0\"})"))
          .isEqualTo(8.0);
      assertThat(prometheus.queryValue("orders_processed_total{retry=\"true\",weight=\"0.5\"}"))
          .isEqualTo(2.0);
      assertThat(prometheus.queryValue(
          "http_server_request_duration_seconds_count{tier=\"gold\"}")).isEqualTo(7.0);
    }
  }

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
