package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import dev.stria.otlp.OtlpExporter;
import dev.stria.otlp.TemporalityPreference;
import dev.stria.prometheus.PrometheusExporter;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quick start and its "Serve and push at once" code, kept true. */
class ReadmeTest {
  static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
  static final Path README = ROOT.resolve("README.md");
  static final Path THIS_FILE = Path.of(System.getProperty("basedir", "."),
      "src/test/java/dev/stria/examples/ReadmeTest.java");

  @Test
  @SuppressWarnings("try")   // the snippet's push exporter is used by closing it
  void serveAndPushSnippetRecordsOnceForBothExporters() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      System.setProperty("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
      try {
        // README: serve and push
        MeterRegistry registry = new MeterRegistry();
        Counter jobs = registry.counter("jobs.processed").unit("1").register();

        try (PrometheusExporter scrape = PrometheusExporter.builder()  // pull: a reader of its own
                 .registry(registry).port(0).start();                   // 0: a free port (default 9464)
             OtlpExporter push = OtlpExporter.builder()                 // push: another reader
                 .registry(registry)
                 .temporalityPreference(TemporalityPreference.DELTA)    // endpoint etc.: OTEL_*
                 .start()) {
          jobs.inc();                                                   // recorded once, seen by both
          System.out.println("scrape http://localhost:" + scrape.port() + "/metrics");
        }                       // push.close() exports one last time; scrape.close() stops serving
        // README: end
      } finally {
        System.clearProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
      }

      List<Metric> pushed = receiver.metrics("jobs.processed");
      assertThat(pushed).isNotEmpty().allSatisfy(m -> assertThat(m.getSum()
          .getAggregationTemporality())
          .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA));
      assertThat(pushed.stream().flatMap(m -> m.getSum().getDataPointsList().stream())
          .mapToDouble(OtlpReceiver::value).sum()).isEqualTo(1);
    }
  }

  @Test
  void readmeShowsTheSnippetThisTestRuns() throws IOException {
    String source = Files.readString(THIS_FILE);
    Matcher block = Pattern.compile("// README: serve and push\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(source);
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    assertThat(Files.readString(README)).contains("```java\n" + snippet + "\n```");
  }

  @Test
  void quickStartIsTwoCommandsThatBuildAndRunTheDemoAndRunTheTests() throws IOException {
    String readme = Files.readString(README);
    String quickStart = readme.substring(readme.indexOf("## Quick start"),
        readme.indexOf("\n## ", readme.indexOf("## Quick start") + 1));
    List<String> commands = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL)
        .matcher(quickStart).results().map(m -> m.group(1)).toList();

    assertThat(commands).containsExactly(
        "mvn -B -q package -DskipTests && java -jar examples/target/stria-examples.jar",
        "mvn -B verify");
    assertThat(ShadedJarTest.JAR.toString()).endsWith("examples/target/stria-examples.jar");
  }
}
