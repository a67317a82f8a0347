package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.Timer;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's "Prometheus endpoint" code, kept compiling and working (port 0 instead of 9464). */
class ReadmeSnippetTest {

  @Test
  @SuppressWarnings("try") // the timer is used only for its close()
  void readmeSnippetServesTheTimedHistogram() throws Exception {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "checkout")        // exposed as target_info
        .build();
    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .labelNames("route").register();                      // -> http_server_duration_seconds

    try (PrometheusExporter exporter = PrometheusExporter.builder()
            .registry(registry)
            .host("127.0.0.1").port(0)
            .start()) {
      try (Timer t = latency.labels("/orders").startTimer()) {
        // handle the request
      }
      String body = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
              .build(),
          HttpResponse.BodyHandlers.ofString()).body();

      assertThat(body).contains("http_server_duration_seconds_count{otel_scope_name=\"dev.stria\"",
          "route=\"/orders\"} 1\n", "target_info{service_name=\"checkout\",telemetry_sdk_language=\"java\"");
    }
  }

  @Test
  void readmeCollectorJoinsAnExistingPrometheusRegistry() {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("jobs").register().inc();
    PrometheusRegistry prometheusRegistry = new PrometheusRegistry();

    StriaCollector.builder(registry.newReader(Temporality.CUMULATIVE)).build()
        .register(prometheusRegistry);

    assertThat(prometheusRegistry.scrape().stream().map(m -> m.getMetadata().getPrometheusName()))
        .containsExactly("jobs");
  }
}
