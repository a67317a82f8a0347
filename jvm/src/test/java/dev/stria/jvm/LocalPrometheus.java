package dev.stria.jvm;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server on a free loopback port with its own storage directory, scraping one
 * target every second; {@link #close()} stops it.
 */
final class LocalPrometheus implements AutoCloseable {
  private static final Pattern FIRST_VALUE = Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]");

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalPrometheus(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static LocalPrometheus scraping(int targetPort, Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: jvm
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(targetPort));
    Path log = dir.resolve("prometheus.log");
    Process process = new ProcessBuilder(PrometheusBinaries.require("prometheus").toString(),
        "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalPrometheus prometheus = new LocalPrometheus(process, port, log);
    prometheus.await("/-/ready", body -> true);
    return prometheus;
  }

  /** The target's health once it was scraped without error. */
  String awaitHealthyTarget() {
    return await("/api/v1/targets",
        body -> body.contains("\"health\":\"up\"") && body.contains("\"lastError\":\"\""));
  }

  /** The first value of an instant query, waiting until it has one. */
  double query(String promql) {
    String body = await("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8),
        b -> FIRST_VALUE.matcher(b).find());
    Matcher m = FIRST_VALUE.matcher(body);
    m.find();
    return Double.parseDouble(m.group(1));
  }

  private String await(String path, Predicate<String> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String last = "";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited: " + logText());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = response.body();
        if (response.statusCode() == 200 && done.test(last)) {
          return last;
        }
        Thread.sleep(200);
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out on " + path + "; last answer: " + last
        + "\nprometheus log: " + logText());
  }

  private String logText() {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 3000));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
