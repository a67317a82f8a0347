package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch job in a JVM of its own that returns from {@code main} without closing the exporter:
 * the shutdown hook pushes its final value; when the Pushgateway is down the job still exits 0
 * and says why on standard error (the JDK's logging may be gone by then).
 */
class PushgatewayShutdownHookTest {
  @TempDir Path dir;

  /** The child: {@code address job items}; records and returns, never closes. */
  public static void main(String[] args) {
    MeterRegistry registry = new MeterRegistry();
    Counter items = registry.counter("hooked.items").register();
    PushgatewayExporter.builder().registry(registry).address(args[0]).job(args[1]).build();
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      items.inc();
    }
  }

  private ChildJvm.Exit runChild(String address) throws Exception {
    return ChildJvm.run(dir, PushgatewayShutdownHookTest.class, address, "hooked", "2500");
  }

  @Test
  void aJobThatReturnsWithoutClosingStillPushesItsFinalValue() throws Exception {
    try (Pushgateway pushgateway = Pushgateway.start(dir)) {
      ChildJvm.Exit exit = runChild(pushgateway.address());

      assertThat(exit.code()).as(exit.err()).isZero();
      List<String> samples = pushgateway.samples("hooked_items_total");
      assertThat(PushgatewayExporterTest.value(samples, "job=\"hooked\"")).isEqualTo(2500);
    }
  }

  @Test
  void aFailedPushFromTheHookIsReportedOnStandardErrorAndTheJobStillExitsNormally()
      throws Exception {
    String down = "http://127.0.0.1:" + LoggedProcess.freePort();

    ChildJvm.Exit exit = runChild(down);

    assertThat(exit.code()).isZero();
    assertThat(exit.err()).contains("WARNING: Pushgateway push from the shutdown hook: PUT "
        + down + "/metrics/job/hooked failed: connection refused");
  }
}
