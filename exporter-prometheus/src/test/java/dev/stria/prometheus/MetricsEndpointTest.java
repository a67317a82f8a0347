package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter's {@code /metrics} against client_java's own {@code HTTPServer} serving the same
 * registry: a protobuf scrape is written by Stria's writer and every other request by client_java,
 * and a scraper cannot tell the two servers apart (status, content type, encoding, body).
 */
class MetricsEndpointTest {
  private static final String PROTOBUF = PrometheusProtobufWriter.CONTENT_TYPE;

  private final MeterRegistry registry = new MeterRegistry();
  private PrometheusExporter exporter;
  private HTTPServer clientJava;

  @BeforeEach
  void start() throws IOException {
    Counter requests = registry.counter("http.requests").labelNames("route").register();
    requests.labels("/a").inc();
    requests.labels("/b").incWithExemplar("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    Histogram latency = registry.histogram("http.latency").unit("s").buckets(0.1, 1)
        .exponential().register();
    latency.observe(0.05);
    latency.observe(3);
    PrometheusRegistry served = new PrometheusRegistry();
    served.register(() -> GaugeSnapshot.builder().name("their.gauge")
        .dataPoint(GaugeDataPointSnapshot.builder().value(42).build()).build());
    exporter = PrometheusExporter.builder().registry(registry).prometheusRegistry(served)
        .host("127.0.0.1").port(0).start();
    // the exporter's settings: created timestamps on
    PrometheusProperties properties = PrometheusProperties.builder()
        .exporterProperties(ExporterProperties.builder().includeCreatedTimestamps(true).build())
        .build();
    clientJava = HTTPServer.builder(properties).hostname("127.0.0.1").port(0)
        .registry(served).buildAndStart();
  }

  @AfterEach
  void stop() {
    exporter.close();
    clientJava.close();
  }

  @Test
  void protobufScrapeIsTheBytesClientJavaWouldServe() {
    HttpResponse<byte[]> stria = get(exporter.port(), "GET", "/metrics", "Accept", PROTOBUF);
    HttpResponse<byte[]> reference =
        get(clientJava.getPort(), "GET", "/metrics", "Accept", PROTOBUF);

    assertSameResponse(stria, reference);
    assertThat(Expose.families(stria.body())).extracting(MetricFamily::getName)
        .containsExactlyInAnyOrder("http_requests_total", "http_latency_seconds", "their_gauge",
            "target_info");
  }

  @Test
  void protobufScrapeIsGzippedWhenAccepted() throws IOException {
    HttpResponse<byte[]> stria = get(exporter.port(), "GET", "/metrics", "Accept", PROTOBUF,
        "Accept-Encoding", "deflate, gzip");
    HttpResponse<byte[]> reference = get(clientJava.getPort(), "GET", "/metrics",
        "Accept", PROTOBUF, "Accept-Encoding", "deflate, gzip");

    assertThat(stria.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(stria.body())).isEqualTo(gunzip(reference.body()));
    assertThat(Expose.families(gunzip(stria.body()))).hasSize(4);
  }

  @Test
  void protobufScrapeKeepsOnlyTheNamesAskedFor() {
    String path = "/metrics?name[]=http_latency_seconds&name[]=their_gauge";
    HttpResponse<byte[]> stria = get(exporter.port(), "GET", path, "Accept", PROTOBUF);
    HttpResponse<byte[]> reference = get(clientJava.getPort(), "GET", path, "Accept", PROTOBUF);

    assertSameResponse(stria, reference);
    assertThat(Expose.families(stria.body())).extracting(MetricFamily::getName)
        .containsExactlyInAnyOrder("http_latency_seconds", "their_gauge");
  }

  @Test
  void protobufScrapeEscapesNamesAsTheAcceptHeaderAsks() {
    String accept = PROTOBUF + "; escaping=dots";
    HttpResponse<byte[]> stria = get(exporter.port(), "GET", "/metrics", "Accept", accept);
    HttpResponse<byte[]> reference = get(clientJava.getPort(), "GET", "/metrics", "Accept", accept);

    assertSameResponse(stria, reference);
  }

  @Test
  void headRequestGetsTheLengthAndNoBody() {
    HttpResponse<byte[]> stria = get(exporter.port(), "HEAD", "/metrics", "Accept", PROTOBUF);
    HttpResponse<byte[]> reference =
        get(clientJava.getPort(), "HEAD", "/metrics", "Accept", PROTOBUF);

    assertThat(stria.statusCode()).isEqualTo(200);
    assertThat(stria.body()).isEmpty();
    assertThat(stria.headers().firstValue("Content-Length"))
        .isEqualTo(reference.headers().firstValue("Content-Length"))
        .hasValueSatisfying(length -> assertThat(Integer.parseInt(length)).isPositive());
  }

  @Test
  void textFormatsAndDebugOutputAreClientJavasOwn() {
    for (String[] request : new String[][] {
        {"/metrics"},
        {"/metrics", "Accept", "application/openmetrics-text; version=1.0.0"},
        {"/metrics?debug=prometheus-protobuf", "Accept", PROTOBUF},
        {"/metrics?debug=text"}}) {
      String path = request[0];
      String[] headers = Arrays.copyOfRange(request, 1, request.length);

      assertSameResponse(get(exporter.port(), "GET", path, headers),
          get(clientJava.getPort(), "GET", path, headers));
    }
  }

  @Test
  void aCollectorThatThrowsFailsTheProtobufScrapeWithA500AsClientJavaDoes() {
    exporter.prometheusRegistry().register((Collector) () -> {
      throw new IllegalStateException("broken collector");
    });

    HttpResponse<byte[]> stria = get(exporter.port(), "GET", "/metrics", "Accept", PROTOBUF);
    HttpResponse<byte[]> reference =
        get(clientJava.getPort(), "GET", "/metrics", "Accept", PROTOBUF);

    assertThat(stria.statusCode()).isEqualTo(500).isEqualTo(reference.statusCode());
    assertThat(new String(stria.body(), StandardCharsets.UTF_8))
        .startsWith("An Exception occurred while scraping metrics")
        .contains("broken collector");
  }

  @Test
  void servesFromDaemonThreads() {
    get(exporter.port(), "GET", "/metrics", "Accept", PROTOBUF);

    List<Thread> serving = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("stria-prometheus-http-")) {
        serving.add(thread);
      }
    }
    assertThat(serving).isNotEmpty().allMatch(Thread::isDaemon);
  }

  private static void assertSameResponse(HttpResponse<byte[]> stria,
      HttpResponse<byte[]> reference) {
    assertThat(stria.statusCode()).isEqualTo(reference.statusCode()).isEqualTo(200);
    assertThat(stria.headers().firstValue("Content-Type"))
        .isEqualTo(reference.headers().firstValue("Content-Type"));
    assertThat(stria.headers().firstValue("Content-Encoding"))
        .isEqualTo(reference.headers().firstValue("Content-Encoding"));
    assertThat(stria.body()).isNotEmpty().isEqualTo(reference.body());
  }

  private static HttpResponse<byte[]> get(int port, String method, String path,
      String... headers) {
    return LoopbackHttp.send(port, method, path, headers);
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
