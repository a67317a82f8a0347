package dev.stria.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Already instrumented with OpenTelemetry?" snippet, as written there, run. */
class ReadmeSnippetTest {
  private static final Path THIS_FILE =
      Path.of("src/test/java/dev/stria/opentelemetry/ReadmeSnippetTest.java");

  @Test
  void snippetRecordsIntoTheRegistryAndInstallsTheGlobalInstance() {
    GlobalOpenTelemetry.resetForTest();
    try {
      // README: bridge
      MeterRegistry registry = MeterRegistry.builder().resourceAttribute("service.name", "checkout").build();
      MeterProvider provider = StriaMeterProvider.create(registry);   // implements MeterProvider
      Meter meter = provider.meterBuilder("com.example.checkout").setInstrumentationVersion("1.4.0").build();
      LongCounter orders = meter.counterBuilder("orders.processed").setUnit("1").build();
      orders.add(1, Attributes.of(stringKey("tier"), "gold"));   // served and pushed by Stria's exporters
      // libraries that use GlobalOpenTelemetry: first thing in main(), before any of them is initialised
      StriaOpenTelemetry.installGlobal(registry);
      // README: end

      GlobalOpenTelemetry.getMeter("lib").counterBuilder("global.calls").build().add(2);
      MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
      assertThat(reader.collect()).extracting(MetricSnapshot::name)
          .containsExactlyInAnyOrder("orders.processed", "global.calls");
      assertThat(reader.collect().stream().filter(m -> m.name().equals("global.calls"))
          .map(m -> ((CounterPoint) m.points().get(0)).value())).containsExactly(2.0);
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }

  @Test
  void installingAfterTheFirstGetFailsLoudly() {
    GlobalOpenTelemetry.resetForTest();
    try {
      GlobalOpenTelemetry.get();
      assertThat(org.assertj.core.api.Assertions.catchThrowable(
          () -> StriaOpenTelemetry.installGlobal(new MeterRegistry())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before StriaOpenTelemetry.installGlobal");
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }

  @Test
  void readmeShowsTheSnippetAsWritten() throws Exception {
    Matcher block = Pattern.compile("// README: bridge\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(Files.readString(THIS_FILE));
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).lines().map(l -> l.replaceFirst("^ {6}", ""))
        .reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(Files.readString(Path.of("..", "README.md")))
        .contains("```java\n" + snippet + "\n```");
  }
}
