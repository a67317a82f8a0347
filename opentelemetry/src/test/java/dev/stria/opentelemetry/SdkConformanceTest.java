package dev.stria.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.otlp.OtlpExporter;
import dev.stria.otlp.TemporalityPreference;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same OpenTelemetry-API workload runs on the OpenTelemetry SDK 1.67.0 with its OTLP/HTTP
 * exporter and on Stria (this bridge and Stria's OTLP exporter); both push to loopback receivers
 * that decode with the official protos, and the decoded exports must be equal, for each
 * temporality preference, export by export.
 *
 * <p>Accepted differences: timestamps and the resource are not compared ({@link
 * CanonicalExport}), and each side's own health metrics are left out: the SDK's (scope {@code
 * io.opentelemetry.sdk.*}, such as {@code otel.sdk.metric_reader.collection.duration}) and Stria's
 * OTLP exporter's (scope {@code dev.stria}, {@code stria.otlp.*}). They describe the pipeline,
 * not the workload.
 */
class SdkConformanceTest {

  @ParameterizedTest
  @EnumSource(TemporalityPreference.class)
  void striaExportsWhatTheSdkExports(TemporalityPreference preference) throws Exception {
    List<List<String>> sdk = onSdk(preference);
    List<List<String>> stria = onStria(preference);

    assertThat(sdk).hasSize(2);
    assertThat(sdk.get(0)).hasSizeGreaterThan(30); // the workload was recorded at all
    assertThat(stria).isEqualTo(sdk);
  }

  private static List<List<String>> onSdk(TemporalityPreference preference) throws Exception {
    try (ProtoReceiver receiver = new ProtoReceiver()) {
      AggregationTemporalitySelector selector = switch (preference) {
        case CUMULATIVE -> AggregationTemporalitySelector.alwaysCumulative();
        case DELTA -> AggregationTemporalitySelector.deltaPreferred();
        case LOWMEMORY -> AggregationTemporalitySelector.lowMemory();
      };
      OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
          .setEndpoint(receiver.endpoint()).setAggregationTemporalitySelector(selector).build();
      SdkMeterProvider provider = SdkMeterProvider.builder()
          .registerMetricReader(
              PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
          .build();
      try {
        Workload workload = new Workload(provider);
        workload.first();
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        workload.second();
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        return canonical(receiver.received(), 2);
      } finally {
        provider.shutdown().join(10, TimeUnit.SECONDS);
      }
    }
  }

  private static List<List<String>> onStria(TemporalityPreference preference) throws Exception {
    try (ProtoReceiver receiver = new ProtoReceiver()) {
      MeterRegistry registry = new MeterRegistry();
      try (OtlpExporter exporter = OtlpExporter.builder().registry(registry)
          .endpoint(receiver.endpoint()).temporalityPreference(preference)
          .interval(Duration.ofHours(1)).shutdownHook(false).start()) {
        Workload workload = new Workload(StriaMeterProvider.create(registry));
        workload.first();
        exporter.forceFlush();
        workload.second();
        exporter.forceFlush();
        return canonical(receiver.received(), 2);
      }
    }
  }

  private static List<List<String>> canonical(List<ExportMetricsServiceRequest> received,
      int exports) {
    List<List<String>> out = new ArrayList<>();
    for (ExportMetricsServiceRequest request : received.subList(0, Math.min(exports,
        received.size()))) {
      List<String> lines = new ArrayList<>(CanonicalExport.of(request));
      lines.removeIf(line -> line.startsWith("io.opentelemetry.sdk.")
          || line.startsWith("dev.stria@"));
      out.add(lines);
    }
    return out;
  }
}
