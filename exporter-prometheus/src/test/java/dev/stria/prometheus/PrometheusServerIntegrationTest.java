package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (2.42) scrapes an exporter of a real registry every second; its HTTP
 * API must show what was recorded. With native histograms enabled Prometheus negotiates
 * protobuf, without them OpenMetrics (the text format 0.0.4 is checked by promtool).
 */
class PrometheusServerIntegrationTest {
  @TempDir Path dir;

  private static String promqlString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static MeterRegistry recordedRegistry() {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "integration").build();
    registry.counter("http.server.requests").description("Requests").register().add(42);
    Histogram latency = registry.histogram("http.server.duration").description("Latency")
        .unit("s").buckets(0.1, 0.5, 1).register();
    for (int i = 0; i < 10; i++) {
      latency.observe(0.3);
    }
    Histogram sizes = registry.histogram("rpc.payload.size").description("Sizes").unit("By")
        .exponential().register();
    for (double v : new double[] {0, 1, 10, 100, 100, 1000, 5000}) {
      sizes.observe(v);
    }
    registry.histogram("idle.sizes").description("Never observed").unit("By").exponential()
        .labelNames("a").register().labels("x");
    registry.counter("hostile").description("Hostile labels").labelNames("path").register()
        .labels(HostileLabelValuesTest.HOSTILE).inc();
    return registry;
  }

  /** What both formats must show. */
  private static void assertCommon(PrometheusServer prometheus) {
    prometheus.awaitHealthyTarget();
    assertThat(prometheus.queryValue("http_server_requests_total")).isEqualTo(42.0);
    // ten observations in (0.1, 0.5]: the median interpolates to the middle, 0.3
    assertThat(prometheus.queryValue(
        "histogram_quantile(0.5, http_server_duration_seconds_bucket)"))
        .isCloseTo(0.3, within(1e-9));
    assertThat(prometheus.queryValue("count(hostile_total{path="
        + promqlString(HostileLabelValuesTest.HOSTILE) + "})")).isEqualTo(1.0);
    assertThat(prometheus.queryValue("count(target_info{service_name=\"integration\"})"))
        .isEqualTo(1.0);
  }

  @Test
  void prometheusScrapesProtobufWithNativeHistograms() throws Exception {
    Path binary = ExternalBinary.require("prometheus");
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(recordedRegistry())
            .host("127.0.0.1").port(0).start();
        PrometheusServer prometheus =
            PrometheusServer.start(binary, dir, exporter.port(), true)) {
      assertCommon(prometheus);
      assertThat(prometheus.queryValue("histogram_count(rpc_payload_size_bytes)")).isEqualTo(7.0);
      assertThat(prometheus.queryValue("histogram_sum(rpc_payload_size_bytes)"))
          .isEqualTo(6211.0);
      // an empty native histogram is stored as native from its first scrape, not as classic
      assertThat(prometheus.queryValue("histogram_count(idle_sizes_bytes)")).isEqualTo(0.0);
    }
  }

  @Test
  void prometheusScrapesOpenMetrics() throws Exception {
    Path binary = ExternalBinary.require("prometheus");
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(recordedRegistry())
            .host("127.0.0.1").port(0).start();
        PrometheusServer prometheus =
            PrometheusServer.start(binary, dir, exporter.port(), false)) {
      assertCommon(prometheus);
      // without native histograms an exponential histogram is its count, sum and +Inf bucket
      assertThat(prometheus.queryValue("rpc_payload_size_bytes_count")).isEqualTo(7.0);
      assertThat(prometheus.queryValue("rpc_payload_size_bytes_sum")).isEqualTo(6211.0);
    }
  }
}
