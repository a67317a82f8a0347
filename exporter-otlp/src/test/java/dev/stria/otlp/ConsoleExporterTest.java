package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleExporterTest {

  static MeterRegistry registry() {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("http.requests").labelNames("method").register().labels("GET").add(42);
    registry.histogram("latency").unit("s").buckets(0.1, 1).register().observe(0.05);
    return registry;
  }

  @Test
  void tablePrintsOneAlignedRowPerSeriesOnClose() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleExporter.builder().registry(registry()).output(new PrintStream(bytes, true))
        .interval(Duration.ofHours(1)).start().close();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("METRIC").contains("service.name=unknown_service:java");
    assertThat(text).containsPattern("http\\.requests +counter +cumulative +method=\"GET\" +42");
    assertThat(text).containsPattern("latency \\[s\\] +histogram .*count=1 .*le0\\.1=1 le1=0 inf=0");
  }

  @Test
  void otlpJsonOutputParsesWithTheOfficialJsonFormat() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleExporter console = ConsoleExporter.builder().registry(registry())
        .format(ConsoleExporter.Format.OTLP_JSON).output(new PrintStream(bytes, true))
        .interval(Duration.ofHours(1)).start()) {
      assertThat(console.forceFlush()).isTrue();
    }
    String[] outputs = bytes.toString(StandardCharsets.UTF_8).split("\n\n");
    assertThat(outputs).hasSize(2); // forceFlush, then close
    String first = outputs[0];
    var request = MetricsEncodingTest.decodeJson(first);
    assertThat(request.getResourceMetrics(0).getScopeMetrics(0).getMetricsList())
        .extracting(m -> m.getName()).contains("http.requests", "latency");
  }
}
