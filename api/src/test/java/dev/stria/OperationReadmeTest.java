package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Operations" snippet, compiled, run, and found in the README as it is here. */
class OperationReadmeTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));
  private static final Path README = BASE.toAbsolutePath().getParent().resolve("README.md");
  private static final Path THIS_FILE =
      BASE.resolve("src/test/java/dev/stria/OperationReadmeTest.java");

  private record Order(String id) {}

  private static Order load(String id) {
    return new Order(id);
  }

  private static int handle() {
    return 503;
  }

  @Test
  void operationsSnippetRecordsCallsByStatus() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    // README: operations
    Operation checkout = registry.operation("checkout")
        .naming(Operation.Naming.SPANMETRICS)        // default STRIA: checkout.calls, ...
        .labelNames("route").register();
    Operation.Series orders = checkout.labels("/orders");   // look up once, keep it

    try (Operation.Call call = orders.start()) {   // in flight +1, clock read
      if (handle() >= 500) {
        call.error();                              // failed without throwing
      }
      call.ok();                                   // no effect after error()
    }                                              // thrown before ok(): ERROR too

    Order order = orders.call(() -> load("42"));   // OK if it returns, ERROR if it throws
    // README: end

    assertThat(order.id()).isEqualTo("42");
    List<MetricSnapshot> batch = reader.collect();
    Labels ok = Labels.of("span.name", "checkout", "route", "/orders",
        "status.code", "STATUS_CODE_OK");
    Labels error = Labels.of("span.name", "checkout", "route", "/orders",
        "status.code", "STATUS_CODE_ERROR");
    assertThat(Snapshots.counterValue(batch, "traces.span.metrics.calls", ok)).isEqualTo(1);
    assertThat(Snapshots.counterValue(batch, "traces.span.metrics.calls", error)).isEqualTo(1);
    assertThatThrownBy(() -> orders.call(() -> load(null).id().length()))
        .isInstanceOf(NullPointerException.class);
    assertThat(Snapshots.counterValue(reader.collect(), "traces.span.metrics.calls", error))
        .isEqualTo(2);
  }

  @Test
  void readmeShowsTheSnippetThisTestRuns() throws IOException {
    Matcher block = Pattern.compile("// README: operations\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(Files.readString(THIS_FILE));
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).lines()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    assertThat(Files.readString(README)).contains("```java\n" + snippet + "\n```");
  }
}
