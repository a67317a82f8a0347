package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.counter;
import static dev.stria.prometheus.TestPoints.histogram;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scrapes the exporter (protobuf, native histograms enabled). */
class PrometheusServerIntegrationTest {
  @TempDir Path dir;

  private static String promqlString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Test
  void prometheusScrapesCountersClassicAndNativeHistogramsAndHostileLabels() throws Exception {
    Path binary = ExternalBinary.require("prometheus");
    FakeReader reader = FakeReader.of(
        metric("http.server.requests", "Requests", "", MetricType.COUNTER, counter(42)),
        metric("http.server.duration", "Latency", "s", MetricType.HISTOGRAM,
            histogram(new double[] {0.1, 0.5, 1}, new long[] {0, 10, 0, 0}, 3.0)),
        metric("rpc.payload.size", "Sizes", "By", MetricType.EXPONENTIAL_HISTOGRAM,
            new ExponentialHistogramPoint(Labels.empty(), TestPoints.START, TestPoints.NOW, 7,
                700, 50, 200, 3, 1, 40, new long[] {2, 0, 4}, 0, new long[0])),
        metric("hostile", "Hostile labels", "", MetricType.COUNTER,
            counter(1, "path", HostileLabelValuesTest.HOSTILE)));

    try (PrometheusExporter exporter =
            PrometheusExporter.builder().reader(reader).host("127.0.0.1").port(0).start();
        PrometheusServer prometheus = PrometheusServer.start(binary, dir, exporter.port())) {
      prometheus.awaitHealthyTarget();

      assertThat(prometheus.queryValue("http_server_requests_total")).isEqualTo(42.0);
      assertThat(prometheus.queryValue(
          "histogram_quantile(0.5, http_server_duration_seconds_bucket)"))
          .isCloseTo(0.3, within(1e-9));
      assertThat(prometheus.queryValue("histogram_count(rpc_payload_size_bytes)")).isEqualTo(7.0);
      assertThat(prometheus.queryValue("histogram_sum(rpc_payload_size_bytes)")).isEqualTo(700.0);
      assertThat(prometheus.queryValue("count(hostile_total{path="
          + promqlString(HostileLabelValuesTest.HOSTILE) + "})")).isEqualTo(1.0);
    }
  }
}
