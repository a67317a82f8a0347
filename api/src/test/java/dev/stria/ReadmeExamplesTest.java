package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The README's API snippets, compiled and run so that they stay true. */
class ReadmeExamplesTest {

  private final List<String> cache = List.of("a", "b", "c");
  private final Map<String, Queue<String>> queues =
      Map.of("orders", new ArrayDeque<>(List.of("o1", "o2")), "emails", new ArrayDeque<>());

  private static void handle() {}

  @Test
  void instrumentsTour() {
    // README: instruments
    MeterRegistry registry = new MeterRegistry();

    Counter requests = registry.counter("http.server.requests")
        .description("Requests handled").unit("1")
        .labelNames("method", "status").register();
    Counter.Series ok = requests.labels("GET", "200");   // look up once, keep it on hot paths
    ok.inc();
    ok.add(3);

    Gauge inflight = registry.gauge("http.server.active_requests").register();
    inflight.inc();
    inflight.dec();
    inflight.set(7);
    registry.gauge("cache.size").unit("{entry}").callback(() -> cache.size());
    registry.gauge("queue.depth").labelNames("queue")
        .callback(out -> queues.forEach((name, q) -> out.record(q.size(), name)));  // one per series

    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
        .labelNames("route").register();
    Histogram.Series orders = latency.labels("/orders");
    try (Timer t = orders.startTimer()) {
      handle();
    }
    Histogram sizes = registry.histogram("rpc.payload.size").unit("By").exponential().register();
    sizes.observe(1536);

    MetricReader reader = registry.newReader(Temporality.DELTA);
    List<MetricSnapshot> batch = reader.collect();
    // README: end

    assertThat(batch).extracting(MetricSnapshot::name).containsExactlyInAnyOrder(
        "http.server.requests", "http.server.active_requests", "cache.size",
        "queue.depth", "http.server.duration", "rpc.payload.size");
    assertThat(Snapshots.named(batch, "queue.depth").points())
        .extracting(p -> p.labels().get("queue")).containsExactlyInAnyOrder("orders", "emails");
  }
}
