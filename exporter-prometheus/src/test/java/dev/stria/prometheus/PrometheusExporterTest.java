package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.counter;
import static dev.stria.prometheus.TestPoints.gauge;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.MetricType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusExporterTest {
  private final FakeReader reader = FakeReader.of(
      metric("http.server.requests", "Requests", "", MetricType.COUNTER, counter(3, "code", "200")),
      metric("up", "", "", MetricType.GAUGE, gauge(1)));
  private PrometheusExporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
    }
  }

  private PrometheusExporter start(PrometheusExporter.Builder builder) {
    exporter = builder.reader(reader).host("127.0.0.1").port(0).start();
    return exporter;
  }

  private HttpResponse<byte[]> get(String path, String... headers) {
    return LoopbackHttp.send(exporter.port(), "GET", path, headers);
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void portZeroPicksAFreePortAndReportsIt() {
    start(PrometheusExporter.builder());

    assertThat(exporter.port()).isPositive();
  }

  @Test
  void servesTextFormatByDefault() {
    start(PrometheusExporter.builder());

    HttpResponse<byte[]> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(body(response))
        .contains("http_server_requests_total{code=\"200\",otel_scope_name=\"dev.stria\","
            + "otel_scope_version=\"0.1.0\"} 3.0")
        .doesNotContain("_created");
  }

  @Test
  void servesOpenMetricsWithCreatedTimestampsWhenAsked() {
    start(PrometheusExporter.builder());

    HttpResponse<byte[]> response =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(body(response)).contains("http_server_requests_created{").endsWith("# EOF\n");
  }

  @Test
  void createdTimestampsCanBeSwitchedOff() {
    start(PrometheusExporter.builder().createdTimestamps(false));

    HttpResponse<byte[]> response =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
    assertThat(body(response)).doesNotContain("_created");
  }

  @Test
  void servesProtobufWhenAsked() {
    start(PrometheusExporter.builder());

    HttpResponse<byte[]> response = get("/metrics", "Accept",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/vnd.google.protobuf"));
    assertThat(response.body()).isNotEmpty();
  }

  @Test
  void compressesWithGzipWhenAccepted() throws IOException {
    start(PrometheusExporter.builder());

    HttpResponse<byte[]> response = get("/metrics", "Accept-Encoding", "gzip");
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (GZIPInputStream in =
        new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("up{");
    }
  }

  @Test
  void answersHealthChecks() {
    start(PrometheusExporter.builder());

    HttpResponse<byte[]> response = get("/-/healthy");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void closeStopsServing() {
    start(PrometheusExporter.builder());
    exporter.close();

    assertThatThrownBy(() -> get("/metrics")).hasCauseInstanceOf(ConnectException.class);
    exporter = null;
  }

  @Test
  void closeClosesTheReaderItMadeForARegistry() {
    dev.stria.MeterRegistry registry = new dev.stria.MeterRegistry();
    registry.counter("jobs").register().inc();
    PrometheusExporter own =
        PrometheusExporter.builder().registry(registry).host("127.0.0.1").port(0).start();
    own.close();

    assertThat(own.collector().reader().collect()).isEmpty();
  }

  @Test
  void closeLeavesAGivenReaderOpen() {
    dev.stria.MeterRegistry registry = new dev.stria.MeterRegistry();
    registry.counter("jobs").register().inc();
    dev.stria.MetricReader given =
        registry.newReader(dev.stria.snapshot.Temporality.CUMULATIVE);
    PrometheusExporter.builder().reader(given).host("127.0.0.1").port(0).start().close();

    assertThat(given.collect()).hasSize(1);
  }

  @Test
  void basicAuthenticationRejectsWrongCredentials() {
    start(PrometheusExporter.builder().basicAuth("prom", "s3cret"));

    String wrong = Base64.getEncoder().encodeToString("prom:guess".getBytes(StandardCharsets.UTF_8));
    String right = Base64.getEncoder().encodeToString("prom:s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/metrics").statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Authorization", "Basic " + wrong).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Authorization", "Basic " + right).statusCode()).isEqualTo(200);
  }

  @Test
  void joinsAUsersPrometheusRegistry() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(() -> GaugeSnapshot.builder().name("their_gauge")
        .dataPoint(GaugeDataPointSnapshot.builder().value(42).build()).build());
    start(PrometheusExporter.builder().prometheusRegistry(registry));

    assertThat(body(get("/metrics"))).contains("their_gauge 42.0", "http_server_requests_total{");
  }

  @Test
  void portInUseFailsWithTheAddress() {
    start(PrometheusExporter.builder());
    int taken = exporter.port();

    assertThatThrownBy(() -> PrometheusExporter.builder().reader(reader).host("127.0.0.1")
        .port(taken).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("127.0.0.1:" + taken);
  }

  @Test
  void rejectsAnInvalidPort() {
    assertThatThrownBy(() -> PrometheusExporter.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
  }

  @Test
  void refusesToStartWithoutAReader() {
    assertThatThrownBy(() -> PrometheusExporter.builder().start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MetricReader");
  }
}
