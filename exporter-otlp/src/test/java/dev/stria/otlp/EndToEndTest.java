package dev.stria.otlp;

import dev.stria.config.ConfigSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Gauge;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.UpDownCounter;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real registry, the exporter, the loopback receiver: what a collector would see. */
class EndToEndTest {
  static final AggregationTemporality DELTA = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
  static final AggregationTemporality CUMULATIVE =
      AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;

  static OtlpExporterBuilder exporter(MeterRegistry registry, OtlpReceiver receiver) {
    return new OtlpExporterBuilder(ConfigSource.of(Map.of())).registry(registry)
        .endpoint(receiver.endpoint()).interval(Duration.ofHours(1))
        .retryPolicy(ExporterFaultsTest.FAST);
  }

  static Metric last(OtlpReceiver receiver, String name) {
    var metrics = receiver.metrics(name);
    assertThat(metrics).as(name).isNotEmpty();
    return metrics.get(metrics.size() - 1);
  }

  @Test
  void exportsWhateverTheSdkAutoconfigurationSettingsSay() throws Exception {
    // Those choose exporters for an autoconfigured SDK (the OpenTelemetry Java agent reads them
    // too); an exporter built in code is not theirs to switch off.
    MeterRegistry registry = new MeterRegistry();
    registry.counter("jobs").register().add(7);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = new OtlpExporterBuilder(ConfigSource.of(Map.of(
            "OTEL_SDK_DISABLED", "true", "OTEL_METRICS_EXPORTER", "none")))
            .registry(registry).endpoint(receiver.endpoint()).interval(Duration.ofHours(1))
            .shutdownHook(false).start()) {
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(last(receiver, "jobs").getSum().getDataPoints(0).getAsDouble()).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(TemporalityPreference.class)
  void everyInstrumentKindArrivesWithThePreferredTemporality(TemporalityPreference preference)
      throws Exception {
    MeterRegistry registry = MeterRegistry.builder().resourceAttribute("service.name", "e2e").build();
    Counter requests = registry.counter("http.requests").labelNames("method").register();
    UpDownCounter queue = registry.upDownCounter("queue.size").register();
    Gauge temperature = registry.gauge("temperature").unit("Cel").register();
    Histogram latency = registry.histogram("latency").unit("s").buckets(1, 2).register();
    Histogram sizes = registry.histogram("sizes").unit("By").exponential().register();
    AggregationTemporality sumsAndHistograms =
        preference == TemporalityPreference.CUMULATIVE ? CUMULATIVE : DELTA;
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = exporter(registry, receiver).temporalityPreference(preference)
            .start()) {
      requests.labels("GET").add(3);
      queue.add(5);
      queue.add(-2);
      temperature.set(21.5);
      latency.observe(0.5);
      latency.observe(1.5);
      latency.observe(3);
      sizes.observe(1);
      sizes.observe(2);
      sizes.observe(4);
      assertThat(exporter.forceFlush()).isTrue();

      Metric r = last(receiver, "http.requests");
      assertThat(r.getSum().getIsMonotonic()).isTrue();
      assertThat(r.getSum().getAggregationTemporality()).isEqualTo(sumsAndHistograms);
      assertThat(r.getSum().getDataPoints(0).getAsDouble()).isEqualTo(3);
      assertThat(r.getSum().getDataPoints(0).getAttributesList())
          .containsExactly(ExpectedProto.kv("method", "GET"));
      Metric q = last(receiver, "queue.size");
      assertThat(q.getSum().getIsMonotonic()).isFalse();
      assertThat(q.getSum().getAggregationTemporality()).isEqualTo(CUMULATIVE);
      assertThat(q.getSum().getDataPoints(0).getAsDouble()).isEqualTo(3);
      Metric t = last(receiver, "temperature");
      assertThat(t.getUnit()).isEqualTo("Cel");
      assertThat(t.getGauge().getDataPoints(0).getAsDouble()).isEqualTo(21.5);
      var h = last(receiver, "latency").getHistogram();
      assertThat(h.getAggregationTemporality()).isEqualTo(sumsAndHistograms);
      assertThat(h.getDataPoints(0).getCount()).isEqualTo(3);
      assertThat(h.getDataPoints(0).getExplicitBoundsList()).containsExactly(1.0, 2.0);
      assertThat(h.getDataPoints(0).getBucketCountsList()).containsExactly(1L, 1L, 1L);
      assertThat(h.getDataPoints(0).getSum()).isEqualTo(5);
      assertThat(h.getDataPoints(0).getMin()).isEqualTo(0.5);
      assertThat(h.getDataPoints(0).getMax()).isEqualTo(3);
      var e = last(receiver, "sizes").getExponentialHistogram();
      assertThat(e.getAggregationTemporality()).isEqualTo(sumsAndHistograms);
      assertThat(e.getDataPoints(0).getCount()).isEqualTo(3);
      assertThat(e.getDataPoints(0).getSum()).isEqualTo(7);
      assertThat(e.getDataPoints(0).getPositive().getBucketCountsList().stream()
          .mapToLong(Long::longValue).sum()).isEqualTo(3);
      assertThat(e.getDataPoints(0).getMin()).isEqualTo(1);
      assertThat(e.getDataPoints(0).getMax()).isEqualTo(4);

      requests.labels("GET").add(2);
      assertThat(exporter.forceFlush()).isTrue();
      double expected = preference == TemporalityPreference.CUMULATIVE ? 5 : 2;
      assertThat(last(receiver, "http.requests").getSum().getDataPoints(0).getAsDouble())
          .isEqualTo(expected);
      assertThat(receiver.kept().get(1).getResourceMetrics(0).getResource().getAttributesList())
          .contains(ExpectedProto.kv("service.name", "e2e"));
    }
  }

  @Test
  void exporterHealthIsPublishedInTheSameRegistry() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("work").register().inc();
    try (OtlpReceiver receiver = new OtlpReceiver().then(OtlpReceiver.Reply.status(400));
        OtlpExporter exporter = exporter(registry, receiver).start()) {
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(last(receiver, HealthMetrics.FAILED).getSum().getDataPoints(0).getAsDouble())
          .isEqualTo(1);
      assertThat(last(receiver, HealthMetrics.DROPPED).getSum().getDataPoints(0).getAsDouble())
          .isPositive();
      assertThat(last(receiver, HealthMetrics.DURATION).getUnit()).isEqualTo("s");
      assertThat(receiver.metrics(HealthMetrics.SUCCEEDED)).isNotEmpty();
    }
  }
}
