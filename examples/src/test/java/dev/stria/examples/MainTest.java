package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The entry point, run in-process: it returns exit codes instead of exiting. */
class MainTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private static final Main.Stop NEVER_CALLED = () -> {
    throw new AssertionError("a serving mode started");
  };

  private int run(Map<String, String> settings, Main.Stop stop, String... args) {
    return Main.run(args, new Settings(settings::get), stop, out, err);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badArgumentsPrintUsageAndExit2() {
    assertThat(run(Map.of(), NEVER_CALLED, "service", "--port", "http")).isEqualTo(2);
    assertThat(err()).contains("error: --port 'http' is not a whole number")
        .contains("usage: java -jar stria-examples.jar");
  }

  @Test
  void helpPrintsUsageAndExits0() {
    assertThat(run(Map.of(), NEVER_CALLED, "--help")).isZero();
    assertThat(out()).startsWith("usage:")
        .contains("batch [--iterations N] [--pushgateway URL]", "Prometheus Pushgateway at URL");
  }

  @Test
  void aMalformedOtelSettingExits2AndNamesIt() {
    assertThat(run(Map.of("OTEL_METRICS_EXPORTER", "zipkin"), NEVER_CALLED, "batch")).isEqualTo(2);
    assertThat(err()).contains("configuration error: OTEL_METRICS_EXPORTER='zipkin' is invalid");
  }

  @Test
  void aMalformedPushgatewayAddressExits2AndNamesIt() {
    assertThat(run(Map.of("OTEL_METRICS_EXPORTER", "none"), NEVER_CALLED,
        "batch", "--pushgateway", "ftp://pgw")).isEqualTo(2);
    assertThat(err()).contains("configuration error: Pushgateway address 'ftp://pgw'");
  }

  @Test
  void batchRunsEveryIterationAndExits0() {
    assertThat(run(Map.of("OTEL_METRICS_EXPORTER", "none"), NEVER_CALLED,
        "batch", "--iterations", "30")).isZero();
    assertThat(out()).contains("batch: 30 operations, ");
  }

  @Test
  void serviceServesUntilStoppedThenReturns0() throws Exception {
    AtomicReference<String> scraped = new AtomicReference<>();
    int code = run(Map.of(), () -> scraped.set(scrapeBannerUrl()), "service", "--port", "0");

    assertThat(code).isZero();
    assertThat(scraped.get()).contains("# TYPE http_server_requests_total counter");
  }

  @Test
  void bothServesAndPushesFromOneRegistry() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      AtomicReference<String> scraped = new AtomicReference<>();
      int code = runBoth(receiver, () -> scraped.set(scrapeBannerUrl()));

      assertThat(code).isZero();
      assertThat(out()).contains("and pushing them to OTLP to " + receiver.baseEndpoint());
      assertThat(scraped.get()).contains("http_server_requests_total");
      assertThat(receiver.metrics(SimulatedService.REQUESTS)).isNotEmpty();
    }
  }

  @Test
  void serviceWithoutPrometheusInTheExporterListServesNothingAndPushes() throws Exception {
    AtomicReference<String> banner = new AtomicReference<>();
    int code = run(Map.of("OTEL_METRICS_EXPORTER", "console"), () -> banner.set(out()),
        "service", "--port", "0");

    assertThat(code).isZero();
    assertThat(banner.get()).contains("Running a simulated web service, its metrics pushed to"
        + " the console").doesNotContain("http://");
    assertThat(out()).as("the console's last print on close")
        .containsPattern(Pattern.quote(SimulatedService.REQUESTS) + ".*status=");
  }

  @Test
  void theServicesScrapeAndPushCarryExemplarsOfItsSimulatedSpans() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      AtomicReference<String> scraped = new AtomicReference<>();
      int code = runBoth(receiver, () -> scraped.set(awaitOpenMetricsWith(
          "traces_span_metrics_duration_milliseconds_bucket",
          "http_server_request_duration_seconds_bucket", "traces_span_metrics_calls_total")));

      assertThat(code).isZero();
      // .* not [^}]*: a span name such as "GET /api/orders/{id}" holds braces.
      assertThat(scraped.get()).containsPattern("traces_span_metrics_calls_total\\{.*} \\S+"
          + " # \\{span_id=\"[0-9a-f]{16}\",trace_id=\"[0-9a-f]{32}\"}");
      // The push on close carries them too, on the exponential points of the duration.
      assertThat(receiver.metrics(SimulatedService.DURATION).stream()
          .flatMap(m -> m.getExponentialHistogram().getDataPointsList().stream())
          .mapToInt(p -> p.getExemplarsCount()).sum()).isPositive();
      assertThat(receiver.metrics("traces.span.metrics.calls").stream()
          .flatMap(m -> m.getSum().getDataPointsList().stream())
          .anyMatch(p -> p.getExemplarsCount() > 0 && p.getExemplars(0).getTraceId().size() == 16))
          .isTrue();
    }
  }

  /**
   * The OpenMetrics scrape, once a sample line of each metric carries an exemplar: each series
   * takes its first exemplar at its own first tick, so they appear one after the other.
   */
  private String awaitOpenMetricsWith(String... bucketMetrics) {
    Matcher url = Pattern.compile("http://\\S+/metrics").matcher(out());
    assertThat(url.find()).as(out()).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String text = "";
    while (System.nanoTime() < deadline) {
      try {
        text = Scrape.openMetrics(url.group());
        String scrape = text;
        if (Arrays.stream(bucketMetrics).allMatch(name -> Pattern.compile(
            "^" + name + "\\{.*} \\S+ # \\{span_id=", Pattern.MULTILINE).matcher(scrape).find())) {
          return text;
        }
        Thread.sleep(200);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no exemplars on " + List.of(bucketMetrics) + " in " + text);
  }

  @Test
  void aPortInUseExits1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run(Map.of(), NEVER_CALLED,
          "service", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(code).isEqualTo(1);
      assertThat(err()).contains("error: cannot serve Prometheus metrics");
    }
  }

  @Test
  void aChildJvmExitsWithCode2OnBadArguments() throws Exception {
    ChildJvm.Exit exit = ChildJvm.runMain(Map.of(), "batch", "--iterations", "many");

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.err()).contains("usage:");
  }

  /** Runs the {@code both} mode pushing to {@code receiver} until {@code stop} returns. */
  private int runBoth(OtlpReceiver receiver, Main.Stop stop) {
    // The OTLP exporter reads its settings itself: a system property of the variable's name.
    System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
    try {
      return run(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint()), stop,
          "both", "--port", "0");
    } finally {
      System.clearProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
    }
  }

  private String scrapeBannerUrl() {
    Matcher url = Pattern.compile("http://\\S+/metrics").matcher(out());
    assertThat(url.find()).as(out()).isTrue();
    try {
      return Scrape.text(url.group());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
