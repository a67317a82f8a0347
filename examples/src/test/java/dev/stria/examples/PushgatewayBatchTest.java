package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --pushgateway URL} in a JVM of its own against a real Pushgateway (Debian's
 * {@code prometheus-pushgateway}; skipped without it, except when {@code CI=true}): when the job
 * ends, every operation is on the Pushgateway under the job {@code stria-demo-batch}.
 */
class PushgatewayBatchTest {
  static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");

  @Test
  void batchPushesEveryOperationToThePushgatewayWhenItEnds(@TempDir Path dir) throws Exception {
    withPushgateway(dir, address -> {
      ChildJvm.Exit exit = ChildJvm.runMain(Map.of("OTEL_METRICS_EXPORTER", "none"),
          "batch", "--iterations", "60", "--pushgateway", address);

      assertThat(exit.code()).as(exit.err()).isZero();
      assertThat(exit.out()).contains("metrics to nowhere (OTEL_METRICS_EXPORTER=none) and the"
          + " Pushgateway at " + address);
      Matcher summary = Pattern.compile("60 operations, (\\d+) failed").matcher(exit.out());
      assertThat(summary.find()).as(exit.out()).isTrue();
      String metrics = get(address + "/metrics").body();
      int failed = Integer.parseInt(summary.group(1));
      assertThat(sample(metrics, "data_process_calls_total", "error"))
          .isEqualTo(String.valueOf(failed));
      assertThat(sample(metrics, "data_process_duration_seconds_count", "ok"))
          .isEqualTo(String.valueOf(60 - failed));
    });
  }

  @Test
  void aDisabledSdkPushesNothingToThePushgateway(@TempDir Path dir) throws Exception {
    withPushgateway(dir, address -> {
      ChildJvm.Exit exit = ChildJvm.runMain(Map.of("OTEL_SDK_DISABLED", "true"),
          "batch", "--iterations", "20", "--pushgateway", address);

      assertThat(exit.code()).as(exit.err()).isZero();
      assertThat(exit.out()).contains("metrics to nowhere (OTEL_SDK_DISABLED=true)")
          .contains("20 operations");
      assertThat(get(address + "/metrics").body()).contains("pushgateway_build_info")
          .doesNotContain("data_process").doesNotContain(Push.PUSHGATEWAY_JOB);
    });
  }

  /** Runs {@code test} against a real Pushgateway on a free loopback port. */
  private static void withPushgateway(Path dir, PushgatewayTest test) throws Exception {
    if (!Files.isExecutable(PUSHGATEWAY)) {
      assertThat("true".equals(System.getenv("CI")))
          .as("CI=true needs " + PUSHGATEWAY + " (Debian's prometheus-pushgateway)").isFalse();
      Assumptions.abort(PUSHGATEWAY + " not found: skipped (required when CI=true)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process pushgateway = new ProcessBuilder(PUSHGATEWAY.toString(),
        "--web.listen-address=127.0.0.1:" + port, "--persistence.file=")
        .redirectErrorStream(true).redirectOutput(dir.resolve("pushgateway.log").toFile())
        .start();
    try {
      String address = "http://127.0.0.1:" + port;
      awaitReady(address);
      test.run(address);
    } finally {
      pushgateway.destroy();
      pushgateway.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @FunctionalInterface
  private interface PushgatewayTest {
    void run(String address) throws Exception;
  }

  /** The value of {@code name}'s sample of {@code status} in the group of the demo's job. */
  private static String sample(String metrics, String name, String status) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{(?=[^}]*job=\"" + Push.PUSHGATEWAY_JOB
        + "\")(?=[^}]*status=\"" + status + "\")[^}]*\\} (\\S+)$").matcher(metrics);
    assertThat(m.find()).as(name + " in\n" + metrics).isTrue();
    return m.group(1);
  }

  private static void awaitReady(String address) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (get(address + "/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      Thread.sleep(100);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
