package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exemplars kept by a registry, encoded by both encoders and decoded with the official protos. */
class ExemplarEncodingTest {
  private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_A = "00f067aa0ba902b7";
  private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN_B = "b7ad6b7169203331";

  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

  private MetricBatch recorded() {
    Counter jobs = registry.counter("jobs").register();
    Histogram latency = registry.histogram("latency").unit("s").buckets(0.1, 1).register();
    Histogram sizes = registry.histogram("sizes").unit("By").exponential().register();
    jobs.incWithExemplar(TRACE_A, SPAN_A);
    latency.observeWithExemplar(0.05, TRACE_A, SPAN_A);
    latency.observeWithExemplar(2.5, TRACE_B, SPAN_B);
    sizes.observeWithExemplar(1536, TRACE_B, SPAN_B);
    return new MetricBatch(registry.resource(), registry.scope(), reader.collect());
  }

  private static Metric metric(ExportMetricsServiceRequest request, String name) {
    return request.getResourceMetrics(0).getScopeMetrics(0).getMetricsList().stream()
        .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  private static void assertExemplar(Exemplar e, double value, String trace, String span) {
    assertThat(e.getAsDouble()).isEqualTo(value);
    assertThat(e.getTraceId()).isEqualTo(ByteString.copyFrom(HexFormat.of().parseHex(trace)));
    assertThat(e.getSpanId()).isEqualTo(ByteString.copyFrom(HexFormat.of().parseHex(span)));
  }

  private void assertEveryKindCarriesItsExemplars(MetricBatch batch,
      ExportMetricsServiceRequest request) {
    List<Exemplar> counter = metric(request, "jobs").getSum().getDataPoints(0).getExemplarsList();
    assertThat(counter).hasSize(1);
    assertExemplar(counter.get(0), 1, TRACE_A, SPAN_A);
    long recordedAt = ((dev.stria.snapshot.CounterPoint) batch.metrics().get(0).points().get(0))
        .exemplars().get(0).epochNanos();
    assertThat(counter.get(0).getTimeUnixNano()).isEqualTo(recordedAt);

    List<Exemplar> histogram =
        metric(request, "latency").getHistogram().getDataPoints(0).getExemplarsList();
    assertThat(histogram).hasSize(2);
    assertExemplar(histogram.get(0), 0.05, TRACE_A, SPAN_A);
    assertExemplar(histogram.get(1), 2.5, TRACE_B, SPAN_B);

    List<Exemplar> exponential = metric(request, "sizes").getExponentialHistogram()
        .getDataPoints(0).getExemplarsList();
    assertThat(exponential).hasSize(1);
    assertExemplar(exponential.get(0), 1536, TRACE_B, SPAN_B);
    assertThat(exponential.get(0).getTimeUnixNano()).isPositive();
  }

  @Test
  void protobufCarriesExemplarsOnNumberHistogramAndExponentialPoints() throws Exception {
    MetricBatch batch = recorded();
    assertEveryKindCarriesItsExemplars(batch, MetricsEncodingTest.decodeProtobuf(batch));
  }

  @Test
  void jsonCarriesTheSameExemplarsWithHexIds() throws Exception {
    MetricBatch batch = recorded();
    String json = new String(new JsonMetricsEncoder().encode(batch), StandardCharsets.UTF_8);

    // OTLP/JSON writes ids as hex where proto3 JSON would write base64; the official parser
    // reads them as base64, so encoding its bytes back to base64 gives the text that was sent.
    ExportMetricsServiceRequest parsed = MetricsEncodingTest.decodeJson(json);
    List<Exemplar> histogram =
        metric(parsed, "latency").getHistogram().getDataPoints(0).getExemplarsList();
    assertThat(histogram).extracting(Exemplar::getAsDouble).containsExactly(0.05, 2.5);
    assertThat(histogram).extracting(e -> base64(e.getTraceId()), e -> base64(e.getSpanId()))
        .containsExactly(tuple(TRACE_A, SPAN_A), tuple(TRACE_B, SPAN_B));
    Exemplar counter = metric(parsed, "jobs").getSum().getDataPoints(0).getExemplars(0);
    assertThat(counter.getTimeUnixNano()).isEqualTo(metric(MetricsEncodingTest
        .decodeProtobuf(batch), "jobs").getSum().getDataPoints(0).getExemplars(0)
        .getTimeUnixNano());
    assertThat(metric(parsed, "sizes").getExponentialHistogram().getDataPoints(0)
        .getExemplarsCount()).isEqualTo(1);
  }

  private static String base64(ByteString bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
