package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.Timer;
import dev.stria.snapshot.Temporality;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Prometheus' own linter finds nothing to say about the text output of a realistic registry. */
class PromtoolCheckMetricsTest {

  @SuppressWarnings("try") // the timer is used only for its close()
  private static MeterRegistry realisticRegistry() {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "checkout")
        .resourceAttribute("service.version", "1.4.2")
        .build();
    Counter requests = registry.counter("http.server.requests").description("Requests handled")
        .unit("1").labelNames("method", "status").register();
    requests.labels("GET", "200").add(12);
    requests.labels("POST", "500").inc();
    registry.upDownCounter("http.server.active_requests").description("Requests in flight")
        .unit("{request}").register().add(3);
    registry.gauge("jvm.memory.used").description("Heap in use").unit("By")
        .callback(() -> 1.5e8);
    Histogram latency = registry.histogram("http.server.duration").description("Latency")
        .unit("s").labelNames("route").register();
    try (Timer t = latency.labels("/orders").startTimer()) {
      latency.labels("/cart").observe(0.042);
    }
    Histogram sizes = registry.histogram("rpc.payload.size").description("Payload sizes")
        .unit("By").exponential().register();
    sizes.observe(512);
    sizes.observe(4096);
    registry.counter("hostile").description("Hostile labels").labelNames("path").register()
        .labels(HostileLabelValuesTest.HOSTILE).inc();
    return registry;
  }

  @Test
  void promtoolReportsNothingOnTheTextFormat() throws Exception {
    Path promtool = ExternalBinary.require("promtool");
    String text = Expose.text(StriaCollector.builder(
        realisticRegistry().newReader(Temporality.CUMULATIVE)).build());

    Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectErrorStream(true).start();
    check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(text).contains("http_server_duration_seconds_bucket", "rpc_payload_size_bytes_sum",
        "target_info", "hostile_total");
    assertThat(report).as("promtool on:\n" + text).isEmpty();
    assertThat(check.exitValue()).isZero();
  }
}
