package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import org.junit.jupiter.api.Test;

/** Scrapes of a real {@link MeterRegistry}, end to end through the collector. */
class RegistryScrapeTest {
  private final MeterRegistry registry = MeterRegistry.builder()
      .resourceAttribute("service.name", "checkout").scope("shop", "2.0").build();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
  private final StriaCollector collector = StriaCollector.builder(reader).build();

  @Test
  void countersAreCumulativeAcrossScrapes() {
    Counter requests = registry.counter("http.server.requests").description("Requests")
        .labelNames("method").register();
    requests.labels("GET").add(2);
    Expose.text(collector);
    requests.labels("GET").inc();

    assertThat(Expose.text(collector)).contains("# HELP http_server_requests_total Requests\n",
        "http_server_requests_total{method=\"GET\",otel_scope_name=\"shop\","
            + "otel_scope_version=\"2.0\"} 3.0\n");
  }

  @Test
  void explicitHistogramIsClassic() {
    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .buckets(0.1, 1).register();
    latency.observe(0.05);
    latency.observe(0.5);
    latency.observe(5);

    assertThat(Expose.text(collector)).contains(
        "http_server_duration_seconds_bucket{otel_scope_name=\"shop\",otel_scope_version=\"2.0\","
            + "le=\"0.1\"} 1\n",
        "le=\"1.0\"} 2\n", "le=\"+Inf\"} 3\n",
        "http_server_duration_seconds_count{otel_scope_name=\"shop\",otel_scope_version=\"2.0\"}"
            + " 3\n");
  }

  @Test
  void exponentialHistogramIsNativeWithKeysOneAboveItsIndexes() {
    Histogram sizes = registry.histogram("rpc.payload.size").unit("By").exponential().register();
    sizes.observe(1.5); // in (1, 2]: key 1 at schema 0, key 2^schema at any finer schema
    sizes.observe(0);

    Metrics.Histogram h = Expose.protobuf(collector).get("rpc_payload_size_bytes").getMetric(0)
        .getHistogram();
    assertThat(h.getSampleCount()).isEqualTo(2);
    assertThat(h.getZeroCount()).isEqualTo(1);
    assertThat(h.getSchema()).isBetween(-4, 8);
    // 1.5 = 2^0.585: at schema s its key k satisfies 2^((k-1)/2^s) < 1.5 <= 2^(k/2^s).
    int key = h.getPositiveSpan(0).getOffset();
    double base = Math.pow(2, Math.pow(2, -h.getSchema()));
    assertThat(Math.pow(base, key - 1)).isLessThan(1.5);
    assertThat(Math.pow(base, key)).isGreaterThanOrEqualTo(1.5);
  }

  @Test
  void exponentialHistogramWithBucketsIsBothNativeAndClassic() {
    Histogram both = registry.histogram("job.duration").unit("s").buckets(1, 10).exponential()
        .register();
    both.observe(3);

    Metrics.Histogram h = Expose.protobuf(collector).get("job_duration_seconds").getMetric(0)
        .getHistogram();
    assertThat(h.getPositiveSpanCount()).isPositive();
    assertThat(h.getBucketList()).extracting(Metrics.Bucket::getCumulativeCount)
        .containsExactly(0L, 1L, 1L);
  }

  @Test
  void resourceIsTargetInfo() {
    registry.gauge("up").register().set(1);

    assertThat(Expose.text(collector)).contains("target_info{service_name=\"checkout\"} 1\n");
  }
}
