package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stria.MeterRegistry;
import dev.stria.Registration;
import dev.stria.otlp.OtlpExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JVM metrics pushed with OTLP to a loopback receiver, decoded with the official protobuf
 * definitions: each arrives with the semantic type and unit its convention specifies.
 */
class OtlpPushTest {

  @Test
  void everyMetricArrivesWithItsConventionsSemanticTypeAndUnit() throws Exception {
    List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/v1/metrics", exchange -> {
      try (exchange) {
        received.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody()));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();
    MeterRegistry registry = new MeterRegistry();
    try (Registration jvm = JvmMetrics.register(registry)) {
      GcWatch.collectGarbageAndAwaitNotification();
      OtlpExporter.builder().registry(registry)
          .endpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics")
          .interval(Duration.ofHours(1)).shutdownHook(false)
          .start().close(); // close(): one export, now
    } finally {
      receiver.stop(0);
    }

    Map<String, Metric> metrics = received.stream()
        .flatMap(r -> r.getResourceMetricsList().stream())
        .flatMap(rm -> rm.getScopeMetricsList().stream())
        .flatMap(sm -> sm.getMetricsList().stream())
        .collect(Collectors.toMap(Metric::getName, Function.identity(), (a, b) -> b));
    for (Convention convention : Convention.ALL) {
      Metric metric = metrics.get(convention.name());
      assertThat(metric).as(convention.name() + " in " + metrics.keySet()).isNotNull();
      assertThat(metric.getUnit()).as(convention.name()).isEqualTo(convention.unit());
      switch (convention.type()) {
        case COUNTER, UP_DOWN_COUNTER -> {
          assertThat(metric.hasSum()).as(convention.name() + " is a sum").isTrue();
          assertThat(metric.getSum().getIsMonotonic()).as(convention.name() + " monotonic")
              .isEqualTo(convention.type() == dev.stria.snapshot.MetricType.COUNTER);
          assertThat(metric.getSum().getAggregationTemporality())
              .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
          assertThat(metric.getSum().getDataPointsList()).allSatisfy(p ->
              assertThat(keys(p.getAttributesList())).isEqualTo(convention.labels()));
        }
        case GAUGE -> assertThat(metric.hasGauge()).as(convention.name() + " is a gauge")
            .isTrue();
        case HISTOGRAM -> {
          assertThat(metric.hasHistogram()).as(convention.name() + " is a histogram").isTrue();
          assertThat(metric.getHistogram().getDataPointsList()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getExplicitBoundsList()).containsExactly(0.01, 0.1, 1.0, 10.0);
            assertThat(keys(p.getAttributesList())).isEqualTo(convention.labels());
          });
        }
        default -> throw new AssertionError("no convention is a " + convention.type());
      }
    }
  }

  private static List<String> keys(List<KeyValue> attributes) {
    return attributes.stream().map(KeyValue::getKey).toList();
  }
}
