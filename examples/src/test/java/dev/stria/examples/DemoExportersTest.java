package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.examples.CommandLine.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoExportersTest {
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private DemoExporters choose(Mode mode, Map<String, String> variables) {
    return DemoExporters.choose(mode, new Settings(variables::get),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unsetEachModeHasItsDefaults() {
    assertThat(choose(Mode.SERVICE, Map.of())).extracting(DemoExporters::serve,
        DemoExporters::pushes).containsExactly(true, List.of());
    assertThat(choose(Mode.BATCH, Map.of())).extracting(DemoExporters::serve,
        DemoExporters::pushes).containsExactly(false, List.of(PushTarget.CONSOLE));
    assertThat(choose(Mode.BOTH, Map.of())).extracting(DemoExporters::serve,
        DemoExporters::pushes).containsExactly(true, List.of(PushTarget.CONSOLE));
  }

  @Test
  void unsetAnOtlpEndpointMakesThePushOtlp() {
    assertThat(choose(Mode.BATCH, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"))
        .pushes()).containsExactly(PushTarget.OTLP);
    assertThat(choose(Mode.BOTH,
        Map.of("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://c:4318/v1/metrics")).pushes())
        .containsExactly(PushTarget.OTLP);
  }

  @Test
  void theExporterListChoosesInEveryMode() {
    DemoExporters service = choose(Mode.SERVICE, Map.of("OTEL_METRICS_EXPORTER", "console, OTLP"));
    assertThat(service.serve()).as("prometheus is not listed").isFalse();
    assertThat(service.pushes()).containsExactly(PushTarget.CONSOLE, PushTarget.OTLP);

    DemoExporters both = choose(Mode.BOTH, Map.of("OTEL_METRICS_EXPORTER", "prometheus",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"));
    assertThat(both.serve()).isTrue();
    assertThat(both.pushes()).as("the list wins over an endpoint").isEmpty();

    assertThat(choose(Mode.BATCH, Map.of("OTEL_METRICS_EXPORTER", "logging")).pushes())
        .containsExactly(PushTarget.CONSOLE);
  }

  @Test
  void noneExportsNothing() {
    DemoExporters none = choose(Mode.BOTH, Map.of("OTEL_METRICS_EXPORTER", "none"));
    assertThat(none.serve()).isFalse();
    assertThat(none.pushes()).isEmpty();
    assertThat(none.disabled()).as("none leaves --pushgateway alone").isFalse();
    assertThat(none.why()).isEqualTo("OTEL_METRICS_EXPORTER=none");
  }

  @Test
  void noneInAListIsAnError() {
    assertThatThrownBy(() -> choose(Mode.BATCH, Map.of("OTEL_METRICS_EXPORTER", "otlp,none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OTEL_METRICS_EXPORTER='otlp,none' is invalid: none cannot be listed with"
            + " other exporters");
  }

  @Test
  void anUnknownExporterIsAnErrorNamingIt() {
    assertThatThrownBy(() -> choose(Mode.SERVICE, Map.of("OTEL_METRICS_EXPORTER", "otlp,zipkin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("OTEL_METRICS_EXPORTER='otlp,zipkin' is invalid: 'zipkin' is not");
  }

  @Test
  void prometheusInTheBatchModeIsAnErrorPointingToThePushgateway() {
    assertThatThrownBy(() -> choose(Mode.BATCH, Map.of("OTEL_METRICS_EXPORTER", "prometheus")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_METRICS_EXPORTER='prometheus' is invalid")
        .hasMessageContaining("--pushgateway URL");
  }

  @Test
  void aDisabledSdkExportsNothingWhateverTheList() {
    DemoExporters disabled = choose(Mode.BOTH, Map.of("OTEL_SDK_DISABLED", "TRUE",
        "OTEL_METRICS_EXPORTER", "prometheus,otlp"));
    assertThat(disabled.disabled()).isTrue();
    assertThat(disabled.serve()).isFalse();
    assertThat(disabled.pushes()).isEmpty();
    assertThat(disabled.why()).isEqualTo("OTEL_SDK_DISABLED=true");
  }

  @Test
  void anSdkDisabledValueOtherThanTrueIsReadAsFalseWithAWarning() {
    DemoExporters enabled = choose(Mode.SERVICE, Map.of("OTEL_SDK_DISABLED", "yes"));
    assertThat(enabled.disabled()).isFalse();
    assertThat(enabled.serve()).isTrue();
    assertThat(err()).contains("OTEL_SDK_DISABLED='yes' is neither true nor false: read as false");

    errBytes.reset();
    assertThat(choose(Mode.SERVICE, Map.of("OTEL_SDK_DISABLED", "false")).disabled()).isFalse();
    assertThat(err()).isEmpty();
  }
}
