package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A callback that throws an Error costs its own series, not the scrape. */
class FailingCallbackScrapeTest {

  @Test
  void scrapeAnswersWithEveryOtherMetricWhenACallbackThrowsAnError() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("jobs").register().add(7);
    registry.gauge("broken").callback(() -> {
      throw new AssertionError("invariant broken in user code");
    });
    registry.gauge("pool.size").labelNames("pool").callback(out -> out.record(4, "io"));
    HttpClient http = HttpClient.newHttpClient();
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(registry)
        .host("127.0.0.1").port(0).start()) {
      HttpRequest scrape = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).build();
      for (int i = 0; i < 2; i++) { // the server thread survives the first scrape
        HttpResponse<String> response = http.send(scrape, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
            .contains("jobs_total{otel_scope_name=\"dev.stria\"")
            .contains("pool_size{otel_scope_name=\"dev.stria\"")
            .contains("pool=\"io\"} 4.0")
            .doesNotContain("broken");
      }
    }
  }
}
