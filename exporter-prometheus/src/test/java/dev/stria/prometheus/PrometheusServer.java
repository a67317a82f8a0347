package dev.stria.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server on a free loopback port with its own storage directory, scraping one
 * target every second. With native histograms enabled it asks for protobuf; without, for
 * OpenMetrics. Stops its process on {@link #close()}. Public for other modules' tests (this
 * module's test-jar).
 */
public final class PrometheusServer implements AutoCloseable {
  private static final Pattern SCALAR_VALUE = Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]");

  private final LoggedProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(LoggedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Prometheus with storage in {@code dir}, scraping 127.0.0.1:{@code targetPort}, with
   * {@code moreFeatures} (such as {@code exemplar-storage}) enabled.
   */
  public static PrometheusServer start(Path binary, Path dir, int targetPort,
      boolean nativeHistograms, String... moreFeatures) throws IOException {
    int port = LoggedProcess.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: stria
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(targetPort));
    Path log = dir.resolve("prometheus.log");
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port));
    if (nativeHistograms) {
      command.add("--enable-feature=native-histograms");
    }
    for (String feature : moreFeatures) {
      command.add("--enable-feature=" + feature);
    }
    PrometheusServer server = new PrometheusServer(LoggedProcess.start(command, log), port);
    server.awaitBody("/-/ready", body -> true, Duration.ofSeconds(30));
    return server;
  }

  /** Waits until the target has been scraped successfully and returns the targets document. */
  public String awaitHealthyTarget() {
    return awaitBody("/api/v1/targets",
        body -> body.contains("\"health\":\"up\"") && body.contains("\"lastError\":\"\""),
        Duration.ofSeconds(30));
  }

  /** The value of an instant query with a one-sample result, waiting until there is one. */
  public double queryValue(String promql) {
    String body = awaitBody("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8),
        b -> SCALAR_VALUE.matcher(b).find(), Duration.ofSeconds(30));
    Matcher m = SCALAR_VALUE.matcher(body);
    m.find();
    return Double.parseDouble(m.group(1));
  }

  /** The body of an API call ({@code path} with its query), once {@code done} accepts it. */
  String await(String path, Predicate<String> done) {
    return awaitBody(path, done, Duration.ofSeconds(30));
  }

  /** The body of the API answer at {@code path}, waiting until {@code done} accepts it. */
  public String awaitBody(String path, Predicate<String> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited: " + process.logTail());
      }
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = response.body();
        if (response.statusCode() == 200 && done.test(last)) {
          return last;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + path + "; last answer: " + last
        + "\nprometheus log: " + process.logTail());
  }

  @Override
  public void close() {
    process.close();
  }
}
