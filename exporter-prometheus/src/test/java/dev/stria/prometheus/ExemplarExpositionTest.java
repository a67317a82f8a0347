package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exemplars through client_java 1.8.0's writers: on the counter and on the classic bucket each
 * value falls in (OpenMetrics and protobuf), a native-only histogram's latest on a {@code +Inf}
 * bucket; and kept by a real Prometheus with {@code exemplar-storage}.
 */
class ExemplarExpositionTest {
  private static final String TRACE_FAST = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACE_SLOW = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACE_JOB = "5b8efff798038103d269b633813fc60c";
  private static final String SPAN = "00f067aa0ba902b7";

  @TempDir Path dir;

  private static MeterRegistry recordedRegistry() {
    MeterRegistry registry = new MeterRegistry();
    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .buckets(0.1, 0.5, 1).register();
    latency.observe(0.05);
    latency.observeWithExemplar(0.07, TRACE_FAST, SPAN);
    latency.observeWithExemplar(0.8, TRACE_SLOW, SPAN);
    Counter jobs = registry.counter("jobs").register();
    jobs.incWithExemplar(TRACE_JOB, SPAN);
    Histogram sizes = registry.histogram("rpc.payload.size").unit("By").exponential().register();
    sizes.observeWithExemplar(1536, TRACE_SLOW, SPAN);
    return registry;
  }

  private static String scrape(int port, String accept) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void openMetricsPutsEachExemplarOnItsBucketAndTheCounter() throws Exception {
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(recordedRegistry())
        .host("127.0.0.1").port(0).start()) {
      String text = scrape(exporter.port(), "application/openmetrics-text; version=1.0.0");

      assertThat(text).containsPattern("http_server_duration_seconds_bucket\\{[^}]*le=\"0\\.1\"} 2"
          + " # \\{span_id=\"" + SPAN + "\",trace_id=\"" + TRACE_FAST + "\"} 0\\.07 \\d+\\.\\d+");
      assertThat(text).containsPattern("http_server_duration_seconds_bucket\\{[^}]*le=\"1\\.0\"} 3"
          + " # \\{span_id=\"" + SPAN + "\",trace_id=\"" + TRACE_SLOW + "\"} 0\\.8 ");
      assertThat(text).containsPattern("http_server_duration_seconds_bucket\\{[^}]*le=\"0\\.5\"} 2\n");
      assertThat(text).containsPattern("jobs_total\\{[^}]*} 1\\.0 # \\{span_id=\"" + SPAN
          + "\",trace_id=\"" + TRACE_JOB + "\"} 1\\.0 ");
      // a native-only histogram in text: its +Inf bucket carries the latest exemplar
      assertThat(text).containsPattern("rpc_payload_size_bytes_bucket\\{[^}]*le=\"\\+Inf\"} 1 #"
          + " \\{span_id=\"" + SPAN + "\",trace_id=\"" + TRACE_SLOW + "\"} 1536\\.0 ");
    }
  }

  @Test
  void protobufPutsThemOnClassicBucketsAndANativeOnlyHistogramsLatestOnAnInfBucket() {
    MeterRegistry registry = recordedRegistry();
    Map<String, MetricFamily> families = Expose.protobuf(StriaCollector
        .builder(registry.newReader(Temporality.CUMULATIVE)).scopeLabels(false).build());

    List<Metrics.Bucket> classic =
        families.get("http_server_duration_seconds").getMetric(0).getHistogram().getBucketList();
    assertThat(classic).extracting(b -> b.hasExemplar() ? traceId(b.getExemplar()) : "")
        .containsExactly(TRACE_FAST, "", TRACE_SLOW, "");
    assertThat(classic.get(2).getExemplar().getValue()).isEqualTo(0.8);
    assertThat(traceId(families.get("jobs_total").getMetric(0).getCounter().getExemplar()))
        .isEqualTo(TRACE_JOB);

    Metrics.Histogram nativeOnly =
        families.get("rpc_payload_size_bytes").getMetric(0).getHistogram();
    assertThat(nativeOnly.getPositiveSpanCount()).isPositive(); // native buckets
    assertThat(nativeOnly.getBucketList()).singleElement().satisfies(b -> {
      assertThat(b.getUpperBound()).isInfinite();
      assertThat(traceId(b.getExemplar())).isEqualTo(TRACE_SLOW);
    });
    assertThat(nativeOnly.getExemplarsCount()).isZero(); // 1.8.0 never fills the native field
  }

  private static String traceId(Metrics.Exemplar exemplar) {
    return exemplar.getLabelList().stream().filter(l -> l.getName().equals("trace_id"))
        .findFirst().orElseThrow().getValue();
  }

  @Test
  void prometheusStoresTheExemplarsItScrapes() throws Exception {
    Path binary = ExternalBinary.require("prometheus");
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(recordedRegistry())
            .host("127.0.0.1").port(0).start();
        PrometheusServer prometheus = PrometheusServer.start(binary, dir, exporter.port(), false,
            "exemplar-storage")) {
      prometheus.awaitHealthyTarget();
      long now = System.currentTimeMillis() / 1000;
      String query = "/api/v1/query_exemplars?start=" + (now - 600) + "&end=" + (now + 600)
          + "&query=";

      String buckets = prometheus.await(query + URLEncoder.encode(
          "http_server_duration_seconds_bucket", StandardCharsets.UTF_8),
          body -> body.contains(TRACE_FAST) && body.contains(TRACE_SLOW));
      assertThat(buckets).contains("\"le\":\"0.1\"").contains("\"le\":\"1.0\"");
      assertThat(prometheus.await(query + "jobs_total", body -> body.contains(TRACE_JOB)))
          .contains("\"span_id\":\"" + SPAN + "\"");
    }
  }
}
