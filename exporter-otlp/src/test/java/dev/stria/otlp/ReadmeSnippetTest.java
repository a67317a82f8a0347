package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "OTLP push" snippet, compiled and run against a loopback receiver. */
class ReadmeSnippetTest {

  @Test
  void readmeSnippetDeliversTheRowsOnClose() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      String token = "secret";
      List<String> rows = List.of("a", "b", "c");
      String endpoint = receiver.endpoint(); // the README uses the default localhost:4318

      // --- README snippet (endpoint and shutdown hook adapted to the test) ---
      MeterRegistry registry = MeterRegistry.builder()
          .resourceAttribute("service.name", "nightly-import").build();
      Counter imported = registry.counter("import.rows").unit("1").register();

      try (OtlpExporter exporter = OtlpExporter.builder()
          .registry(registry)
          .endpoint(endpoint)
          .temporalityPreference(TemporalityPreference.DELTA)
          .interval(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token)
          .gzip(true)
          .shutdownHook(false)
          .start()) {
        imported.add(rows.size());
      }
      // --- end of snippet ---

      assertThat(receiver.deltaTotal("import.rows")).isEqualTo(3);
      assertThat(receiver.received().get(0).headers().get("Authorization"))
          .containsExactly("Bearer secret");
    }
  }
}
