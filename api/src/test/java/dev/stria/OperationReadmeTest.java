package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Operations" snippet, compiled, run, and found in the README as it is here. */
class OperationReadmeTest {
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
    ReadmeSnippets.assertReadmeShows("OperationReadmeTest", "operations");
  }
}
