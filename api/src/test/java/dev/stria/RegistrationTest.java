package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.InstrumentationScope;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void sameSettingsReturnTheExistingInstrument() {
    Counter first = registry.counter("requests").unit("1").labelNames("method").register();
    Counter second = registry.counter("requests").unit("1").labelNames("method").register();
    assertThat(second).isSameAs(first);
  }

  @Test
  void differentSettingsAreAnErrorNamingBothRegistrations() {
    registry.counter("requests").unit("1").register();
    assertThatThrownBy(() -> registry.counter("requests").unit("s").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metric name 'requests' is already registered as counter"
            + " 'requests' (unit '1'")
        .hasMessageContaining("cannot register it again as counter 'requests' (unit 's'");
  }

  @Test
  void differentKindIsAnError() {
    registry.counter("x").register();
    assertThatThrownBy(() -> registry.gauge("x").register())
        .hasMessageContaining("already registered as counter 'x'")
        .hasMessageContaining("again as gauge 'x'");
  }

  @Test
  void differentBucketsAreAnError() {
    registry.histogram("h").buckets(1, 2).register();
    assertThatThrownBy(() -> registry.histogram("h").buckets(1, 3).register())
        .hasMessageContaining("buckets [1.0, 2.0]")
        .hasMessageContaining("buckets [1.0, 3.0]");
  }

  @Test
  void invalidInstrumentNamesAreRejectedWithTheRule() {
    for (String bad : new String[] {"", "1abc", "http server", "a*b", "x".repeat(256)}) {
      assertThatThrownBy(() -> registry.counter(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("metric name '" + bad + "' is invalid")
          .hasMessageContaining("start with a letter");
    }
    assertThatThrownBy(() -> registry.counter(null)).hasMessageContaining("metric name null");
  }

  @Test
  void validInstrumentNamesAreAccepted() {
    for (String good : new String[] {"a", "http.server.duration", "a_b-c/d.e", "x".repeat(255)}) {
      assertThat(registry.counter(good).register()).isNotNull();
    }
  }

  @Test
  void invalidLabelNamesAreRejected() {
    assertThatThrownBy(() -> registry.counter("c").labelNames("bad-name"))
        .hasMessageContaining("label name 'bad-name' of 'c' is invalid")
        .hasMessageContaining("[a-zA-Z_][a-zA-Z0-9_.]*");
    assertThatThrownBy(() -> registry.counter("c").labelNames("__reserved"))
        .hasMessageContaining("'__reserved'")
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> registry.counter("c").labelNames("9lives"))
        .hasMessageContaining("'9lives'");
  }

  @Test
  void labelNamesThatCollideOnceDotsBecomeUnderscoresAreRejected() {
    assertThatThrownBy(() -> registry.counter("c").labelNames("http.method", "http_method"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'http.method' and 'http_method'")
        .hasMessageContaining("the same once '.' becomes '_'");
    assertThatThrownBy(() -> registry.counter("c").labelNames("a", "a"))
        .hasMessageContaining("repeated");
  }

  @Test
  void dottedLabelNamesAreAllowed() {
    Counter c = registry.counter("c").labelNames("http.method").register();
    c.labels("GET").inc();
    assertThat(c.labels("GET").labels().get("http.method")).isEqualTo("GET");
  }

  @Test
  void invalidUnitsAreRejected() {
    assertThatThrownBy(() -> registry.counter("c").unit("mega bytes"))
        .hasMessageContaining("unit 'mega bytes' of 'c' is invalid");
    assertThatThrownBy(() -> registry.counter("c").unit("é"))
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void invalidCardinalityLimitIsRejected() {
    assertThatThrownBy(() -> registry.counter("c").cardinalityLimit(0))
        .hasMessageContaining("cardinality limit 0 of 'c' must be at least 1");
  }

  @Test
  void registryCarriesResourceAndScope() {
    MeterRegistry custom = MeterRegistry.builder()
        .resourceAttribute("service.name", "checkout")
        .resourceAttribute("deployment.environment", "prod")
        .scope("com.example", "1.2")
        .build();
    assertThat(custom.resource().attributes())
        .containsExactly(
            java.util.Map.entry("service.name", "checkout"),
            java.util.Map.entry("deployment.environment", "prod"));
    assertThat(custom.scope()).isEqualTo(new InstrumentationScope("com.example", "1.2"));
    assertThat(custom.newReader(dev.stria.snapshot.Temporality.DELTA).resource())
        .isEqualTo(custom.resource());
    assertThat(new MeterRegistry().scope().name()).isEqualTo("dev.stria");
  }
}
