package dev.stria.prometheus;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Pushgateway ({@code /usr/bin/prometheus-pushgateway}, Debian's package of the same name)
 * on a free loopback port, keeping nothing on disk; optionally behind a web config file (TLS,
 * basic authentication). Reads back what was pushed from its own {@code /metrics}. Stops its
 * process on {@link #close()}.
 */
final class Pushgateway implements AutoCloseable {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)$");

  private final LoggedProcess process;
  private final int port;
  private final HttpClient http;
  private final String scheme;
  private final String authorization;

  private Pushgateway(LoggedProcess process, int port, HttpClient http, String scheme,
      String authorization) {
    this.process = process;
    this.port = port;
    this.http = http;
    this.scheme = scheme;
    this.authorization = authorization;
  }

  /** A plain-HTTP Pushgateway without authentication. */
  static Pushgateway start(Path dir) throws IOException {
    return start(dir, null, HttpClient.newHttpClient(), "http", null);
  }

  /**
   * A Pushgateway with {@code webConfig} (exporter-toolkit's format) as its web config file;
   * {@code http}, {@code scheme} and {@code authorization} are how this helper reads it back.
   */
  static Pushgateway start(Path dir, String webConfig, HttpClient http, String scheme,
      String authorization) throws IOException {
    Path binary = ExternalBinary.require("prometheus-pushgateway", "prometheus-pushgateway");
    int port = LoggedProcess.freePort();
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--web.listen-address=127.0.0.1:" + port, "--persistence.file="));
    if (webConfig != null) {
      Path file = dir.resolve("web-config.yml");
      Files.writeString(file, webConfig);
      command.add("--web.config.file=" + file);
    }
    Path log = dir.resolve("pushgateway-" + port + ".log");
    Pushgateway pushgateway = new Pushgateway(LoggedProcess.start(command, log), port, http,
        scheme, authorization);
    pushgateway.await(() -> pushgateway.get("/-/ready").statusCode() == 200, () -> "/-/ready");
    return pushgateway;
  }

  /** The address to push to. */
  String address() {
    return scheme + "://127.0.0.1:" + port;
  }

  /** The Pushgateway's own {@code /metrics} in the text format. */
  String metricsText() {
    HttpResponse<byte[]> response = get("/metrics");
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /metrics answered " + response.statusCode());
    }
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The text-format samples of metric {@code name} (exactly that name) as lines. */
  List<String> samples(String name) {
    List<String> lines = new ArrayList<>();
    for (String line : metricsText().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches() && m.group(1).equals(name)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The Pushgateway's own {@code /metrics} in protobuf: native histograms are only there. */
  List<MetricFamily> metricsProtobuf() {
    HttpResponse<byte[]> response = get("/metrics", "Accept",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
    List<MetricFamily> families = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(response.body())) {
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        families.add(family);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return families;
  }

  /** Polls until {@code done} holds for the samples of {@code name} (at most 30 s). */
  List<String> awaitSamples(String name, Predicate<List<String>> done) {
    List<List<String>> last = new ArrayList<>(List.of(List.of()));
    await(() -> {
      last.set(0, samples(name));
      return done.test(last.get(0));
    }, () -> name + " (last seen: " + last.get(0) + ")");
    return last.get(0);
  }

  private HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits until {@code check} holds (30 s at most, failing with {@code what} then). */
  void await(Check check, java.util.function.Supplier<String> what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Exception lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Pushgateway exited: " + process.logTail());
      }
      try {
        if (check.holds()) {
          return;
        }
      } catch (Exception e) {
        lastError = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what.get() + "; last error: " + lastError
        + "\npushgateway log: " + process.logTail());
  }

  @Override
  public void close() {
    process.close();
  }
}
