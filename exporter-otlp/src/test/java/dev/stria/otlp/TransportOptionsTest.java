package dev.stria.otlp;

import dev.stria.config.ConfigSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.Temporality;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Protocol, compression and headers as a receiver sees them. */
class TransportOptionsTest {

  @Test
  void gzipBodiesDecodeToTheSameRequest() throws Exception {
    ExporterFaultsTest.Jobs reader = new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = ExporterFaultsTest.builder(reader, receiver.endpoint())
            .gzip(true).start()) {
      reader.add("a", 21);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.received().get(0).headers().get("Content-encoding"))
          .containsExactly("gzip");
      assertThat(receiver.lastValue("jobs")).isEqualTo(21);
    }
  }

  @Test
  void jsonProtocolPostsOtlpJson() throws Exception {
    ExporterFaultsTest.Jobs reader = new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = ExporterFaultsTest.builder(reader, receiver.endpoint())
            .protocol(OtlpProtocol.HTTP_JSON).start()) {
      reader.add("a", 5);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.received().get(0).headers().get("Content-type"))
          .containsExactly("application/json");
      assertThat(receiver.lastValue("jobs")).isEqualTo(5);
    }
  }

  @Test
  void headersFromBuilderAndEnvironmentAreSentBuilderWinning() throws Exception {
    ExporterFaultsTest.Jobs reader = new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE);
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OtlpExporterBuilder b = new OtlpExporterBuilder(ConfigSource.of(Map.of(
          "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20env,x-tenant=a",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint().replace("/v1/metrics", ""))))
          .reader(reader.reader).header("x-tenant", "b").retryPolicy(ExporterFaultsTest.FAST);
      try (OtlpExporter exporter = b.start()) {
        reader.add("a", 1);
        assertThat(exporter.forceFlush()).isTrue();
        var headers = receiver.received().get(0).headers();
        assertThat(headers.get("Authorization")).containsExactly("Bearer env");
        assertThat(headers.get("X-tenant")).containsExactly("b");
        assertThat(receiver.received().get(0).request().getResourceMetrics(0).getResource()
            .getAttributesList()).contains(ExpectedProto.kv("service.name", "fake"),
                ExpectedProto.kv("telemetry.sdk.name", "stria"));
      }
    }
  }
}
