package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code otel} mode, run in-process: code that knows only the OpenTelemetry API is served to
 * Prometheus and pushed with OTLP by Stria, its scope and typed attributes kept.
 */
class OpenTelemetryModeTest {
  private static final Pattern GOLD_ORDERS = Pattern.compile("orders_placed_total\\{"
      + "http_response_status_code=\"200\",order_express=\"true\",order_tier=\"gold\","
      + "otel_scope_name=\"com.example.checkout\",otel_scope_version=\"1.0.0\"} [1-9]");

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

  @Test
  void apiOnlyCodeIsServedAndPushedByStria() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      // The OTLP exporter reads its settings itself: a system property of the variable's name.
      System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
      AtomicReference<String> scraped = new AtomicReference<>();
      int code;
      try {
        code = Main.run(new String[] {"otel", "--port", "0"},
            new Settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint())::get),
            () -> scraped.set(scrapeUntilGoldOrders()), out, out);
      } finally {
        System.clearProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
      }

      assertThat(code).as(output()).isZero();
      assertThat(output()).contains("instrumented with the OpenTelemetry API only",
          "metrics sent to OTLP to " + receiver.baseEndpoint());
      assertThat(scraped.get()).containsPattern(GOLD_ORDERS).contains(
          "# TYPE http_server_request_duration_seconds histogram",
          "http_server_request_duration_seconds_bucket{http_route=\"/checkout\","
              + "otel_scope_name=\"com.example.checkout\",otel_scope_version=\"1.0.0\",le=\"0.001\"}",
          "# TYPE orders_backlog gauge", "target_info{service_name=\"stria-demo\"");

      List<ScopeMetrics> scopes = receiver.requests().stream()
          .flatMap(r -> r.getResourceMetricsList().stream())
          .flatMap(rm -> rm.getScopeMetricsList().stream())
          .filter(s -> s.getScope().getName().equals(CheckoutService.SCOPE)).toList();
      assertThat(scopes).isNotEmpty()
          .allSatisfy(s -> assertThat(s.getScope().getVersion()).isEqualTo("1.0.0"));
      NumberDataPoint gold = receiver.metrics(CheckoutService.ORDERS).stream()
          .flatMap(m -> m.getSum().getDataPointsList().stream())
          .filter(p -> p.getAttributesList().contains(attribute("order.tier",
              AnyValue.newBuilder().setStringValue("gold").build())))
          .reduce((first, last) -> last).orElseThrow();
      assertThat(gold.getValueCase()).isEqualTo(NumberDataPoint.ValueCase.AS_INT);
      assertThat(gold.getAttributesList()).contains(
          attribute("order.express", AnyValue.newBuilder().setBoolValue(true).build()),
          attribute("http.response.status_code", AnyValue.newBuilder().setIntValue(200).build()));
    }
  }

  private String output() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private static KeyValue attribute(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  /** Scrapes the banner's URL until a gold order is there (the worker starts with the mode). */
  private String scrapeUntilGoldOrders() {
    Matcher url = Pattern.compile("http://\\S+/metrics").matcher(output());
    assertThat(url.find()).as(output()).isTrue();
    long deadline = System.nanoTime() + 20_000_000_000L;
    try {
      String text = Scrape.text(url.group());
      while (!GOLD_ORDERS.matcher(text).find() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        text = Scrape.text(url.group());
      }
      return text;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
