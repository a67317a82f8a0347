package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.counter;
import static dev.stria.prometheus.TestPoints.gauge;
import static dev.stria.prometheus.TestPoints.histogram;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionTest {

  private static StriaCollector plain(MetricSnapshot... metrics) {
    return StriaCollector.builder(FakeReader.of(metrics)).scopeLabels(false).build();
  }

  @Test
  void counterEndsInTotalWithHelpAndCreatedInOpenMetrics() {
    StriaCollector c = plain(metric("http.server.requests", "Requests handled", "1",
        MetricType.COUNTER, counter(7, "method", "GET")));

    assertThat(Expose.openMetrics(c)).isEqualTo("""
        # TYPE http_server_requests counter
        # HELP http_server_requests Requests handled
        http_server_requests_total{method="GET"} 7.0
        http_server_requests_created{method="GET"} 1700000000.123
        # EOF
        """);
  }

  @Test
  void counterCarriesCreatedTimestampInProtobuf() {
    StriaCollector c = plain(metric("jobs", "", "", MetricType.COUNTER, counter(2)));

    Metrics.Counter counter = Expose.protobuf(c).get("jobs_total").getMetric(0).getCounter();
    assertThat(counter.getValue()).isEqualTo(2.0);
    assertThat(counter.getCreatedTimestamp().getSeconds()).isEqualTo(1_700_000_000L);
    assertThat(counter.getCreatedTimestamp().getNanos()).isEqualTo(123_000_000);
  }

  @Test
  void histogramGoesWithoutCreatedTimestampInProtobufAsClientJava180WritesIt() {
    // The javadoc says so: client_java 1.8.0's protobuf writer sets created_timestamp on counters
    // only. If a later writer sets it on histograms too, this fails and the javadoc must change.
    StriaCollector c = plain(metric("latency", "", "s", MetricType.HISTOGRAM,
        histogram(new double[] {1}, new long[] {1, 0}, 0.5)));

    Metrics.Histogram h = Expose.protobuf(c).get("latency_seconds").getMetric(0).getHistogram();
    assertThat(h.getSampleCount()).isEqualTo(1);
    assertThat(h.hasCreatedTimestamp()).isFalse();
    assertThat(Expose.openMetrics(c)).contains("latency_seconds_created");
  }

  @Test
  void textFormatHasTotalAndHelpButNoCreatedSeries() {
    StriaCollector c = plain(metric("jobs.total", "Jobs", "", MetricType.COUNTER, counter(2)));

    assertThat(Expose.text(c)).isEqualTo("""
        # HELP jobs_total Jobs
        # TYPE jobs_total counter
        jobs_total 2.0
        """);
  }

  @Test
  void gaugeAndUpDownCounterBecomeGauges() {
    StriaCollector c = plain(
        metric("jvm.memory.used", "", "By", MetricType.GAUGE, gauge(1024)),
        metric("queue.size", "", "{items}", MetricType.UP_DOWN_COUNTER, counter(-3)));

    assertThat(Expose.text(c)).isEqualTo("""
        # TYPE jvm_memory_used_bytes gauge
        jvm_memory_used_bytes 1024.0
        # TYPE queue_size gauge
        queue_size -3.0
        """);
  }

  @Test
  void unitIsOpenMetricsUnit() {
    StriaCollector c = plain(metric("jvm.memory.used", "", "By", MetricType.GAUGE, gauge(1)));

    assertThat(Expose.openMetrics(c)).contains("# UNIT jvm_memory_used_bytes bytes\n");
  }

  @Test
  void explicitHistogramBecomesCumulativeClassicBuckets() {
    StriaCollector c = plain(metric("http.server.duration", "", "s", MetricType.HISTOGRAM,
        histogram(new double[] {0.1, 1}, new long[] {2, 3, 1}, 4.5, "route", "/a")));

    assertThat(Expose.text(c)).isEqualTo("""
        # TYPE http_server_duration_seconds histogram
        http_server_duration_seconds_bucket{route="/a",le="0.1"} 2
        http_server_duration_seconds_bucket{route="/a",le="1.0"} 5
        http_server_duration_seconds_bucket{route="/a",le="+Inf"} 6
        http_server_duration_seconds_count{route="/a"} 6
        http_server_duration_seconds_sum{route="/a"} 4.5
        """);
  }

  @Test
  void exponentialHistogramBecomesNativeHistogramInProtobuf() {
    // scale 2, zero bucket 1, positive OTLP indexes 3..4, negative index -1.
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 6, 3.5, -0.7, 2.0, 2, 1, 3, new long[] {2, 2}, -1, new long[] {1});
    StriaCollector c = plain(metric("rpc.payload.size", "", "By",
        MetricType.EXPONENTIAL_HISTOGRAM, p));

    Metrics.Histogram h = Expose.protobuf(c).get("rpc_payload_size_bytes").getMetric(0)
        .getHistogram();
    assertThat(h.getSchema()).isEqualTo(2);
    assertThat(h.getSampleCount()).isEqualTo(6);
    assertThat(h.getSampleSum()).isEqualTo(3.5);
    assertThat(h.getZeroCount()).isEqualTo(1);
    assertThat(h.getZeroThreshold()).isEqualTo(0.0);
    assertThat(h.getPositiveSpan(0).getOffset()).isEqualTo(4); // key = index + 1
    assertThat(h.getPositiveSpan(0).getLength()).isEqualTo(2);
    assertThat(h.getPositiveDeltaList()).containsExactly(2L, 0L);
    assertThat(h.getNegativeSpan(0).getOffset()).isEqualTo(0);
    assertThat(h.getNegativeDeltaList()).containsExactly(1L);
    assertThat(h.getBucketCount()).isZero(); // no classic view was given
  }

  @Test
  void scaleAboveEightIsReducedToSchemaEight() {
    // scale 10: indexes 0..7 merge into schema-8 indexes 0 and 1 (keys 1 and 2).
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 8, 8.0, 1.0, 1.1, 10, 0, 0, new long[] {1, 1, 1, 1, 1, 1, 1, 1}, 0,
        new long[0]);
    StriaCollector c = plain(metric("x", "", "", MetricType.EXPONENTIAL_HISTOGRAM, p));

    Metrics.Histogram h = Expose.protobuf(c).get("x").getMetric(0).getHistogram();
    assertThat(h.getSchema()).isEqualTo(8);
    assertThat(h.getPositiveSpan(0).getOffset()).isEqualTo(1);
    assertThat(h.getPositiveDeltaList()).containsExactly(4L, 0L);
  }

  @Test
  void exponentialHistogramWithBoundsHasClassicBucketsToo() {
    HistogramPoint classic = new HistogramPoint(Labels.empty(), TestPoints.START, TestPoints.NOW,
        3, 3.0, 1.0, 1.0, new double[] {0.5, 2}, new long[] {0, 3, 0});
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 3, 3.0, 1.0, 1.0, 0, 3, 0, new long[0], 0, new long[0], classic);
    StriaCollector c = plain(metric("latency", "", "s", MetricType.EXPONENTIAL_HISTOGRAM, p));

    Metrics.Histogram h = Expose.protobuf(c).get("latency_seconds").getMetric(0).getHistogram();
    assertThat(h.getZeroCount()).isEqualTo(3);
    assertThat(h.getBucketList()).extracting(Metrics.Bucket::getCumulativeCount)
        .containsExactly(0L, 3L, 3L);
    assertThat(Expose.text(c)).contains("latency_seconds_bucket{le=\"2.0\"} 3\n");
  }

  @Test
  void emptyExponentialHistogramCarriesOneEmptyBucketSoPrometheusSeesItAsNative() {
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 0, 0, Double.NaN, Double.NaN, 5, 0, 0, new long[0], 0, new long[0]);
    StriaCollector c = plain(metric("idle", "", "", MetricType.EXPONENTIAL_HISTOGRAM, p));

    Metrics.Histogram h = Expose.protobuf(c).get("idle").getMetric(0).getHistogram();
    assertThat(h.getSampleCount()).isZero();
    assertThat(h.getPositiveSpanCount()).isEqualTo(1);
    assertThat(h.getPositiveDeltaList()).containsExactly(0L);
  }

  @Test
  void nativeOnlyHistogramShowsCountAndSumInText() {
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 2, 5.0, 2.0, 3.0, 0, 0, 1, new long[] {2}, 0, new long[0]);
    StriaCollector c = plain(metric("size", "", "", MetricType.EXPONENTIAL_HISTOGRAM, p));

    assertThat(Expose.text(c)).isEqualTo("""
        # TYPE size histogram
        size_bucket{le="+Inf"} 2
        size_count 2
        size_sum 5.0
        """);
  }

  @Test
  void histogramWithoutBoundsHasOnlyTheInfBucket() {
    StriaCollector c = plain(metric("h", "", "", MetricType.HISTOGRAM,
        histogram(new double[0], new long[] {4}, 2.0)));

    assertThat(Expose.text(c)).contains("h_bucket{le=\"+Inf\"} 4\n", "h_count 4\n");
  }

  @Test
  void scaleBelowMinusFourIsExposedWithoutNativeBuckets() {
    ExponentialHistogramPoint p = new ExponentialHistogramPoint(Labels.empty(), TestPoints.START,
        TestPoints.NOW, 2, 5.0, 2.0, 3.0, -5, 0, 0, new long[] {2}, 0, new long[0]);
    StriaCollector c = plain(metric("coarse", "", "", MetricType.EXPONENTIAL_HISTOGRAM, p));

    Metrics.Histogram h = Expose.protobuf(c).get("coarse").getMetric(0).getHistogram();
    assertThat(h.getSampleCount()).isEqualTo(2);
    assertThat(h.getPositiveSpanCount()).isZero();
    assertThat(h.getBucketList()).extracting(Metrics.Bucket::getCumulativeCount)
        .containsExactly(2L);
  }

  @Test
  void resourceBecomesTargetInfo() {
    FakeReader reader = new FakeReader(
        new Resource(Map.of("service.name", "checkout")), new InstrumentationScope("lib", ""),
        TemporalitySelector.always(Temporality.CUMULATIVE),
        () -> List.of(metric("up", "", "", MetricType.GAUGE, gauge(1))));

    assertThat(Expose.openMetrics(StriaCollector.builder(reader).build()))
        .contains("# TYPE target info\n", "target_info{service_name=\"checkout\"} 1\n");
    assertThat(Expose.openMetrics(StriaCollector.builder(reader).targetInfo(false).build()))
        .doesNotContain("target");
  }

  @Test
  void scopeBecomesLabelsUnlessSwitchedOff() {
    FakeReader reader = new FakeReader(Resource.empty(), new InstrumentationScope("my.lib", "1.2"),
        TemporalitySelector.always(Temporality.CUMULATIVE),
        () -> List.of(metric("up", "", "", MetricType.GAUGE, gauge(1, "a", "b"))));

    assertThat(Expose.text(StriaCollector.builder(reader).build()))
        .contains("up{a=\"b\",otel_scope_name=\"my.lib\",otel_scope_version=\"1.2\"} 1.0");
    assertThat(Expose.text(StriaCollector.builder(reader).scopeLabels(false).build()))
        .contains("up{a=\"b\"} 1.0");
  }

  @Test
  void labelNamesThatCollideJoinTheirValues() {
    StriaCollector c = plain(metric("up", "", "", MetricType.GAUGE,
        gauge(1, "http_route", "/b", "http.route", "/a")));

    // joined in the order of the original names: "http.route" < "http_route"
    assertThat(Expose.text(c)).contains("up{http_route=\"/a;/b\"} 1.0");
  }

  @Test
  void metricWhoseNameCollidesIsLeftOutAndTheRestIsServed() {
    StriaCollector c = plain(
        metric("a.b", "", "", MetricType.GAUGE, gauge(1)),
        metric("a_b", "", "", MetricType.GAUGE, gauge(2)),
        metric("c", "", "", MetricType.GAUGE, gauge(3)));

    assertThat(Expose.text(c)).isEqualTo("""
        # TYPE a_b gauge
        a_b 1.0
        # TYPE c gauge
        c 3.0
        """);
  }

  @Test
  void counterCollidingWithAGaugeNamedLikeItsTotalIsLeftOut() {
    StriaCollector c = plain(
        metric("jobs_total", "", "", MetricType.GAUGE, gauge(1)),
        metric("jobs", "", "", MetricType.COUNTER, counter(2)));

    assertThat(Expose.text(c)).doesNotContain("counter").contains("jobs_total 1.0");
  }

  @Test
  void metricThePrometheusModelRejectsIsLeftOutAndTheRestIsServed() {
    StriaCollector c = plain(
        metric("h", "", "", MetricType.HISTOGRAM,
            histogram(new double[] {1}, new long[] {1, 0}, 0.5, "le", "reserved")),
        metric("negative", "", "", MetricType.COUNTER, counter(-1)),
        metric("c", "", "", MetricType.GAUGE, gauge(3)));

    assertThat(Expose.text(c)).isEqualTo("""
        # TYPE c gauge
        c 3.0
        """);
  }

  @Test
  void deltaReaderIsRejected() {
    FakeReader delta = new FakeReader(Resource.empty(), new InstrumentationScope("x", ""),
        TemporalitySelector.always(Temporality.DELTA), List::of);

    assertThatThrownBy(() -> StriaCollector.builder(delta))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cumulative");
  }

  @Test
  void metricsWithoutPointsAreLeftOut() {
    StriaCollector c = plain(metric("idle", "", "", MetricType.COUNTER));

    assertThat(Expose.text(c)).isEmpty();
  }
}
