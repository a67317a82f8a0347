package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed label values, integer points and one ScopeMetrics per scope, in protobuf and JSON. */
class TypedAndScopedEncodingTest {
  private static final InstrumentationScope READER = new InstrumentationScope("reader", "1");
  private static final InstrumentationScope LIB = new InstrumentationScope("lib", "2.0",
      "https://opentelemetry.io/schemas/1.24.0", Labels.of("team", "core"));
  private static final Labels TYPED = Labels.ofTyped(
      new String[] {"s", "b", "l", "d", "arr"},
      new Object[] {"x", true, 42L, 0.5, List.of(1L, 2L)});

  private static MetricBatch batch() {
    MetricSnapshot own = new MetricSnapshot("own", "", "", MetricType.COUNTER,
        Temporality.CUMULATIVE, List.of(new CounterPoint(Labels.empty(), 1, 2, 1.5)));
    MetricSnapshot bridged = new MetricSnapshot("bridged", "", "", MetricType.GAUGE,
        Temporality.CUMULATIVE, List.of(new CounterPoint(TYPED, 1, 2, 7)), LIB, true);
    return new MetricBatch(Resource.empty(), READER, List.of(own, bridged));
  }

  @Test
  void protobufAndJsonCarryTypedValuesIntegerPointsAndEachScope() throws Exception {
    ExportMetricsServiceRequest proto = MetricsEncodingTest.decodeProtobuf(batch());
    ExportMetricsServiceRequest json =
        MetricsEncodingTest.decodeJson(new JsonMetricsEncoder().encodeToString(batch()));
    assertThat(json).isEqualTo(proto);

    List<ScopeMetrics> scopes = proto.getResourceMetrics(0).getScopeMetricsList();
    assertThat(scopes).extracting(s -> s.getScope().getName()).containsExactly("reader", "lib");
    ScopeMetrics lib = scopes.get(1);
    assertThat(lib.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.24.0");
    assertThat(lib.getScope().getVersion()).isEqualTo("2.0");
    assertThat(lib.getScope().getAttributes(0).getValue().getStringValue()).isEqualTo("core");

    NumberDataPoint point = lib.getMetrics(0).getGauge().getDataPoints(0);
    assertThat(point.getValueCase()).isEqualTo(NumberDataPoint.ValueCase.AS_INT);
    assertThat(point.getAsInt()).isEqualTo(7);
    assertThat(point.getAttributesList()).extracting(kv -> kv.getValue().getValueCase())
        .containsExactly(AnyValue.ValueCase.STRING_VALUE, AnyValue.ValueCase.BOOL_VALUE,
            AnyValue.ValueCase.INT_VALUE, AnyValue.ValueCase.DOUBLE_VALUE,
            AnyValue.ValueCase.ARRAY_VALUE);
    assertThat(point.getAttributes(4).getValue().getArrayValue().getValues(1).getIntValue())
        .isEqualTo(2);
    NumberDataPoint own = scopes.get(0).getMetrics(0).getSum().getDataPoints(0);
    assertThat(own.getValueCase()).isEqualTo(NumberDataPoint.ValueCase.AS_DOUBLE);
  }

  @Test
  void typedLabelsKeepTheirStringFormsForPrometheus() {
    assertThat(TYPED.values()).containsExactly("x", "true", "42", "0.5", "[1,2]");
    assertThat(Labels.ofTyped(new String[] {"t"}, new Object[] {List.of("a", "b\"c")}).get("t"))
        .isEqualTo("[\"a\",\"b\\\"c\"]");
    assertThat(TYPED).isNotEqualTo(Labels.of("s", "x", "b", "true", "l", "42", "d", "0.5",
        "arr", "[1,2]"));
  }
}
