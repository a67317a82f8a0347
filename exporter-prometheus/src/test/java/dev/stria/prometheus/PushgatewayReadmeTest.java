package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Push to a Pushgateway" code, run against a real Pushgateway; the README shows
 * exactly this block, with the test's address written as the default it stands for.
 */
class PushgatewayReadmeTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path THIS_FILE =
      MODULE.resolve("src/test/java/dev/stria/prometheus/PushgatewayReadmeTest.java");

  @TempDir Path dir;

  @Test
  void readmeSnippetPushesTheJobsCounterWithItsGroupingKey() throws Exception {
    List<String> rows = List.of("r1", "r2", "r3");
    try (Pushgateway pushgateway = Pushgateway.start(dir)) {
      // README: pushgateway
      MeterRegistry registry = new MeterRegistry();
      Counter imported = registry.counter("import.rows").unit("1").register();

      try (PushgatewayExporter exporter = PushgatewayExporter.builder()
              .registry(registry)
              .address(pushgateway.address())               // the default
              .job("nightly-import")                         // required
              .groupingKey("instance", "worker-3")           // '/' or empty: sent base64-encoded
              .build()) {                                    // protobuf, 10 s timeouts
        imported.add(rows.size());
        exporter.pushAdd();              // optional: push now (POST); throws an IOException
        imported.inc();
      }                                  // close(): push (PUT) once more; never throws
      // README: end

      assertThat(PushgatewayExporterTest.value(pushgateway.samples("import_rows_total"),
          "job=\"nightly-import\"", "instance=\"worker-3\"")).isEqualTo(4);
    }
  }

  @Test
  void readmeShowsTheSnippetThisTestRuns() throws Exception {
    Matcher block = Pattern.compile("// README: pushgateway\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(Files.readString(THIS_FILE));
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).lines()
        .map(line -> line.length() >= 6 ? line.substring(6) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow()
        .replace("pushgateway.address()) ", "\"http://localhost:9091\")");

    assertThat(Files.readString(MODULE.getParent().resolve("README.md")))
        .contains("```java\n" + snippet + "\n```");
  }
}
