package dev.stria.otlp;

import dev.stria.config.ConfigSource;
import dev.stria.config.ResourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtlpEnvironmentTest {

  static OtlpEnvironment env(String... kv) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return new OtlpEnvironment(ConfigSource.of(m));
  }

  @Test
  void baseEndpointGetsTheMetricsPathAppended() {
    assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318").endpoint())
        .isEqualTo(URI.create("http://collector:4318/v1/metrics"));
    assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "https://c:4318/otlp/").endpoint())
        .isEqualTo(URI.create("https://c:4318/otlp/v1/metrics"));
  }

  @Test
  void metricsEndpointIsUsedAsIsAndWinsOverTheBase() {
    assertThat(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://b:9999/custom").endpoint())
        .isEqualTo(URI.create("http://b:9999/custom"));
  }

  @Test
  void absentSettingsAreNullNotDefaults() {
    OtlpEnvironment e = env();
    assertThat(e.endpoint()).isNull();
    assertThat(e.protocol()).isNull();
    assertThat(e.gzip()).isNull();
    assertThat(e.timeout()).isNull();
    assertThat(e.interval()).isNull();
    assertThat(e.temporality()).isNull();
    assertThat(e.headers()).isEmpty();
  }

  @Test
  void signalSpecificSettingsWinOverGenericOnes() {
    OtlpEnvironment e = env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json",
        "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf",
        "OTEL_EXPORTER_OTLP_COMPRESSION", "none", "OTEL_EXPORTER_OTLP_METRICS_COMPRESSION", "gzip",
        "OTEL_EXPORTER_OTLP_TIMEOUT", "1000", "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "2500",
        "OTEL_EXPORTER_OTLP_HEADERS", "a=1,b=2", "OTEL_EXPORTER_OTLP_METRICS_HEADERS", "b=3");
    assertThat(e.protocol()).isEqualTo(OtlpProtocol.HTTP_PROTOBUF);
    assertThat(e.gzip()).isTrue();
    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(e.headers()).containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
  }

  @Test
  void headerAndAttributeValuesArePercentDecoded() {
    assertThat(env("OTEL_EXPORTER_OTLP_HEADERS", " Authorization = Basic%20abc%3D%3D , x=%E2%9C%93")
        .headers()).containsExactly(Map.entry("Authorization", "Basic abc=="), Map.entry("x", "✓"));
  }

  @Test
  void intervalAndTemporalityAreRead() {
    OtlpEnvironment e = env("OTEL_METRIC_EXPORT_INTERVAL", "15000",
        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "LowMemory");
    assertThat(e.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(e.temporality()).isEqualTo(TemporalityPreference.LOWMEMORY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "OTEL_EXPORTER_OTLP_ENDPOINT|localhost:4318|absolute http:// or https:// URL",
      "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT|ftp://x/v1/metrics|absolute http:// or https:// URL",
      "OTEL_EXPORTER_OTLP_PROTOCOL|grpc|http/protobuf or http/json",
      "OTEL_EXPORTER_OTLP_COMPRESSION|zstd|gzip or none",
      "OTEL_EXPORTER_OTLP_TIMEOUT|10s|positive whole number of milliseconds",
      "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT|-5|positive whole number of milliseconds",
      "OTEL_METRIC_EXPORT_INTERVAL|0|positive whole number of milliseconds",
      "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE|deltas|cumulative, delta, lowmemory",
      "OTEL_EXPORTER_OTLP_HEADERS|novalue|key=value pairs",
      "OTEL_EXPORTER_OTLP_HEADERS|a=%zz|two hex digits",
      "OTEL_EXPORTER_OTLP_HEADERS|bad header=x|must be an HTTP token",
      "OTEL_EXPORTER_OTLP_METRICS_HEADERS|Host=x|set by the HTTP client itself",
      "OTEL_RESOURCE_ATTRIBUTES|=x|key=value pairs"})
  void malformedValuesFailAtStartNamingVariableValueAndRule(String variable, String value,
      String rule) {
    OtlpExporterBuilder b = new OtlpExporterBuilder(ConfigSource.of(Map.of(variable, value)))
        .reader(new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE).reader);
    assertThatThrownBy(b::start).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable).hasMessageContaining(value).hasMessageContaining(rule);
  }

  @Test
  void builderSettingsWinOverTheEnvironment() throws Exception {
    ExporterFaultsTest.Jobs reader = new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = new OtlpExporterBuilder(ConfigSource.of(Map.of(
            "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://127.0.0.1:1/nowhere",
            "OTEL_SERVICE_NAME", "from-env")))
            .reader(reader.reader).endpoint(receiver.endpoint()).serviceName("from-builder").start()) {
      assertThat(exporter.endpoint()).isEqualTo(URI.create(receiver.endpoint()));
      reader.add("a", 1);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.kept().get(0).getResourceMetrics(0).getResource().getAttributesList())
          .contains(ExpectedProto.kv("service.name", "from-builder"));
    }
  }

  @Test
  void defaultEndpointIsLocalhost4318() {
    assertThat(OtlpExporterBuilder.DEFAULT_ENDPOINT)
        .isEqualTo(URI.create("http://localhost:4318/v1/metrics"));
  }

  @Test
  void resourcePrecedenceIsDefaultsThenRegistryThenEnvThenServiceNameThenBuilder() {
    ConfigSource e = ConfigSource.of(Map.of("OTEL_RESOURCE_ATTRIBUTES",
        "service.name=attr,deployment.environment=prod,host.name=h%201,team=env",
        "OTEL_SERVICE_NAME", "svc"));
    Resource merged = ResourceConfig.merge(
        new Resource(Map.of("team", "registry", "region", "registry", "service.name", "code")), e,
        Map.of("host.name", "builder"), null);
    assertThat(merged.attributes()).containsEntry("service.name", "svc")
        .containsEntry("deployment.environment", "prod").containsEntry("team", "env")
        .containsEntry("region", "registry")
        .containsEntry("host.name", "builder").containsEntry("telemetry.sdk.name", "stria")
        .containsEntry("telemetry.sdk.language", "java")
        .containsEntry("telemetry.sdk.version", dev.stria.Version.STRIA);
    assertThat(ResourceConfig.merge(Resource.empty(), ConfigSource.of(Map.of()), Map.of(), null)
        .attributes()).containsEntry("service.name", "unknown_service:java");
  }

  @Test
  void systemPropertiesAreReadInBothForms() {
    System.setProperty("OTEL_TEST_ONLY_SETTING", "a");
    System.setProperty("otel.test.only.dotted", "b");
    try {
      assertThat(ConfigSource.system().get("OTEL_TEST_ONLY_SETTING")).isEqualTo("a");
      assertThat(ConfigSource.system().get("OTEL_TEST_ONLY_DOTTED")).isEqualTo("b");
    } finally {
      System.clearProperty("OTEL_TEST_ONLY_SETTING");
      System.clearProperty("otel.test.only.dotted");
    }
  }
}
