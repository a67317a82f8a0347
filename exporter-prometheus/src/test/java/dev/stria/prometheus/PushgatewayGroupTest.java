package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The group URL as the Pushgateway's API spells it; expected strings written by hand. */
class PushgatewayGroupTest {
  private static final URI BASE = URI.create("http://localhost:9091");

  private static String url(String job, String... keyValues) {
    Map<String, String> key = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      key.put(keyValues[i], keyValues[i + 1]);
    }
    return PushgatewayGroup.url(BASE, job, key).toString();
  }

  @Test
  void plainValuesArePathSegmentsInTheGivenOrder() {
    assertThat(url("nightly-import", "instance", "a", "dc", "eu-1"))
        .isEqualTo("http://localhost:9091/metrics/job/nightly-import/instance/a/dc/eu-1");
  }

  @Test
  void aValueWithASlashIsBase64UrlEncoded() {
    assertThat(url("a/b", "path", "/x?"))
        .isEqualTo("http://localhost:9091/metrics/job@base64/YS9i/path@base64/L3g_");
  }

  @Test
  void anEmptyValueIsTheBase64EqualsSign() {
    assertThat(url("j", "instance", "")).endsWith("/job/j/instance@base64/=");
  }

  @Test
  void otherCharactersArePercentEncoded() {
    assertThat(url("my job", "user", "ä&b")).endsWith("/job/my%20job/user/%C3%A4%26b");
  }

  @Test
  void anAddressWithoutSchemeIsPlainHttpAndAPathPrefixIsKept() {
    assertThat(PushgatewayGroup.parseAddress("pgw:9091"))
        .isEqualTo(URI.create("http://pgw:9091"));
    assertThat(PushgatewayGroup.parseAddress("https://pgw.example.com/push/"))
        .isEqualTo(URI.create("https://pgw.example.com/push"));
  }

  @Test
  void aBadAddressNamesTheValueAndTheForms() {
    for (String bad : new String[] {"ftp://pgw:21", "http://", "http://pgw:9091/?x=1", "pgw:port"}) {
      assertThatThrownBy(() -> PushgatewayGroup.parseAddress(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Pushgateway address '" + bad + "' is not http(s)://host:port[/path] or"
              + " host:port[/path]");
    }
    assertThatThrownBy(() -> PushgatewayGroup.parseAddress(" "))
        .hasMessageContaining("must not be empty");
  }

  @Test
  void groupingKeyNamesMustBeLabelNamesOtherThanJob() {
    for (String bad : new String[] {"job", "__name__", "bad-name", "1st", ""}) {
      assertThatThrownBy(() -> PushgatewayGroup.checkLabelName(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("grouping key name '" + bad + "' is invalid");
    }
    assertThat(PushgatewayGroup.checkLabelName("instance")).isEqualTo("instance");
  }

  @Test
  void theBuilderRefusesAMissingJobAndAMissingRegistry() {
    assertThatThrownBy(() -> PushgatewayExporter.builder()
        .registry(new dev.stria.MeterRegistry()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job(..)");
    assertThatThrownBy(() -> PushgatewayExporter.builder().job("j").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either a MeterRegistry or a MetricReader, got neither");
    assertThatThrownBy(() -> PushgatewayExporter.builder().job(""))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> PushgatewayExporter.builder()
        .timeout(java.time.Duration.ZERO)).hasMessageContaining("timeout PT0S must be a positive duration");
  }
}
