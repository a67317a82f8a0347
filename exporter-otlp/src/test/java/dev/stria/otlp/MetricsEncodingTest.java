package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MetricsEncodingTest {

  static ExportMetricsServiceRequest decodeProtobuf(MetricBatch batch) throws Exception {
    return ExportMetricsServiceRequest.parseFrom(new ProtoMetricsEncoder(16).encodeToBytes(batch));
  }

  static ExportMetricsServiceRequest decodeJson(String json) throws Exception {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }

  @ParameterizedTest
  @EnumSource(Temporality.class)
  void protobufDecodesWithTheOfficialDefinitionsToEveryField(Temporality t) throws Exception {
    MetricBatch batch = SampleMetrics.batch(t);
    assertThat(decodeProtobuf(batch)).isEqualTo(ExpectedProto.of(batch));
  }

  @ParameterizedTest
  @EnumSource(Temporality.class)
  void jsonParsesWithTheOfficialJsonFormatToEveryField(Temporality t) throws Exception {
    MetricBatch batch = SampleMetrics.batch(t);
    String json = new String(new JsonMetricsEncoder().encode(batch), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(decodeJson(json)).isEqualTo(ExpectedProto.of(batch));
  }

  @Test
  void prettyJsonParsesToTheSameRequest() throws Exception {
    MetricBatch batch = SampleMetrics.batch(Temporality.DELTA);
    assertThat(decodeJson(new JsonMetricsEncoder(true).encodeToString(batch)))
        .isEqualTo(ExpectedProto.of(batch));
  }

  @Test
  void jsonWritesSixtyFourBitIntegersAsStringsAndEnumsAsNumbers() {
    String json = new JsonMetricsEncoder().encodeToString(SampleMetrics.batch(Temporality.DELTA));
    assertThat(json)
        .contains("\"timeUnixNano\":\"" + SampleMetrics.END + "\"")
        .contains("\"count\":\"6\"")
        .contains("\"bucketCounts\":[\"1\",\"0\",\"2\",\"3\",\"0\"]")
        .contains("\"aggregationTemporality\":1")
        .contains("\"isMonotonic\":true");
  }

  @Test
  void deltaAndCumulativeCarryTheirAggregationTemporality() throws Exception {
    Metric delta = decodeProtobuf(SampleMetrics.batch(Temporality.DELTA))
        .getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
    Metric cumulative = decodeProtobuf(SampleMetrics.batch(Temporality.CUMULATIVE))
        .getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
    assertThat(delta.getSum().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    assertThat(cumulative.getSum().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
  }

  @Test
  void minAndMaxAreOmittedWhenNothingWasCounted() throws Exception {
    var points = decodeProtobuf(SampleMetrics.batch(Temporality.CUMULATIVE))
        .getResourceMetrics(0).getScopeMetrics(0).getMetrics(3).getHistogram();
    assertThat(points.getDataPoints(0).hasMin()).isTrue();
    assertThat(points.getDataPoints(1).hasMin()).isFalse();
    assertThat(points.getDataPoints(1).hasMax()).isFalse();
  }

  @Test
  void bufferGrowthKeepsManyLargeMessagesIntact() throws Exception {
    MetricBatch small = SampleMetrics.batch(Temporality.DELTA);
    java.util.List<dev.stria.snapshot.MetricSnapshot> many = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.addAll(small.metrics());
    }
    MetricBatch batch = new MetricBatch(small.resource(), small.scope(), many);
    assertThat(decodeProtobuf(batch)).isEqualTo(ExpectedProto.of(batch));
  }

  @Test
  void publicEncoderReturnsTheSameRequestAcrossCallsAndGrowth() throws Exception {
    OtlpProtobufEncoder encoder = new OtlpProtobufEncoder();
    MetricBatch small = SampleMetrics.batch(Temporality.CUMULATIVE);
    java.util.List<dev.stria.snapshot.MetricSnapshot> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      many.addAll(small.metrics());
    }
    MetricBatch big = new MetricBatch(small.resource(), small.scope(), many);
    for (MetricBatch batch : List.of(small, big, small)) {
      java.nio.ByteBuffer body = encoder.encode(batch.resource(), batch.scope(), batch.metrics());
      assertThat(body.isReadOnly()).isTrue();
      assertThat(ExportMetricsServiceRequest.parseFrom(body)).isEqualTo(ExpectedProto.of(batch));
    }
  }

  @Test
  void emptyBatchStillNamesResourceAndScope() throws Exception {
    MetricBatch batch = new MetricBatch(new Resource(Map.of("service.name", "x")),
        new InstrumentationScope("s", ""), List.of());
    assertThat(decodeProtobuf(batch)).isEqualTo(ExpectedProto.of(batch));
    assertThat(decodeJson(new JsonMetricsEncoder().encodeToString(batch)))
        .isEqualTo(ExpectedProto.of(batch));
  }
}
