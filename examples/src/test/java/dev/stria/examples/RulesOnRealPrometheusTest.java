package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code prometheus.yml} with {@code slo-rules.yml} and {@code spanmetrics-rules.yml},
 * loaded by a real Prometheus (2.42 from Debian) that scrapes the demo service: every recording
 * rule yields series and every rule evaluates without error. Only the target's port and the
 * intervals (1 s) are changed. Skipped without {@code /usr/bin/prometheus}, except when {@code
 * CI=true}.
 */
class RulesOnRealPrometheusTest {
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Duration PATIENCE = Duration.ofSeconds(60);   // a safety net, not a measure

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyRecordingRuleProducesSeriesFromTheDemosScrape(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      assertThat("true".equals(System.getenv("CI")))
          .as("CI=true needs " + PROMETHEUS + " (Debian's prometheus package)").isFalse();
      Assumptions.abort(PROMETHEUS + " not found: skipped (required when CI=true)");
    }
    try (ServiceScenario service = ServiceScenarioTest.startedService()) {
      String shipped = Files.readString(PrometheusRulesTest.CONFIG);
      String config = shipped
          .replace("127.0.0.1:" + CommandLine.DEFAULT_PORT, "127.0.0.1:" + service.port())
          .replace("15s", "1s");
      assertThat(config).isNotEqualTo(shipped);
      Files.writeString(dir.resolve("prometheus.yml"), config);
      Files.copy(PrometheusRulesTest.RULES, dir.resolve("slo-rules.yml"));
      Files.copy(PrometheusRulesTest.SPAN_RULES, dir.resolve("spanmetrics-rules.yml"));
      int port = freePort();
      Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
          "--config.file=" + dir.resolve("prometheus.yml"),
          "--storage.tsdb.path=" + dir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
          .start();
      try {
        String base = "http://127.0.0.1:" + port;
        for (String recorded : new String[] {
            "job:http_server_requests:error_ratio_rate5m{job=\"stria-demo\"}",
            "job:http_server_requests:error_ratio_rate30m{job=\"stria-demo\"}",
            "job:http_server_requests:error_ratio_rate1h{job=\"stria-demo\"}",
            "job:http_server_requests:error_ratio_rate6h{job=\"stria-demo\"}",
            "job_route:http_server_requests:error_ratio_rate5m{route=\"/api/orders\"}",
            "job_route:http_server_request_duration_seconds:p99_rate5m{route=\"/api/orders\"}",
            "job:traces_span_metrics_calls:error_ratio_rate5m{job=\"stria-demo\"}",
            "job:traces_span_metrics_calls:error_ratio_rate30m{job=\"stria-demo\"}",
            "job:traces_span_metrics_calls:error_ratio_rate1h{job=\"stria-demo\"}",
            "job:traces_span_metrics_calls:error_ratio_rate6h{job=\"stria-demo\"}",
            "job_span_name:traces_span_metrics_calls:error_ratio_rate5m"
                + "{span_name=\"GET /api/orders\"}",
            "job_span_name:traces_span_metrics_duration_milliseconds:p99_rate5m"
                + "{span_name=\"GET /api/orders\"}"}) {
          String answer = await(prometheus, base + "/api/v1/query?query="
              + URLEncoder.encode(recorded, StandardCharsets.UTF_8),
              body -> body.contains("\"result\":[{"), dir);
          assertThat(answer).as(recorded).doesNotContain("\"NaN\"");
        }
        String rules = await(prometheus, base + "/api/v1/rules",
            body -> body.contains("\"health\":\"ok\""), dir);
        assertThat(rules).doesNotContain("\"health\":\"err\"").contains("ErrorBudgetBurnFast")
            .contains("ErrorBudgetBurnRateHigh");
      } finally {
        prometheus.destroy();
        prometheus.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private String await(Process prometheus, String url, Predicate<String> done, Path dir)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      assertThat(prometheus.isAlive()).as(() -> log(dir)).isTrue();
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = response.body();
        if (response.statusCode() == 200 && done.test(last)) {
          return last;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("no answer as expected from " + url + ": " + last + "\n" + log(dir));
  }

  private static String log(Path dir) {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
