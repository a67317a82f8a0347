package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The README's "Exemplars" snippet, compiled, run, and found in the README as it is here. */
class ExemplarReadmeTest {
  private static void handle() {}

  @Test
  void exemplarsSnippetKeepsTheCurrentSpanAndOneGivenByHand() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    Scope span = Spans.current(1); // what a tracer's instrumentation would have made current
    // README: exemplars
    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .labelNames("route").register();                 // exemplars on by default
    Histogram.Series orders = latency.labels("/orders");

    try (Timer t = orders.startTimer()) {                // inside a sampled span:
      handle();                                          // its trace and span id are kept
    }
    orders.observeWithExemplar(2.7,                      // or given by hand
        "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");

    registry.counter("cache.misses").exemplars(false).register();   // off for one instrument
    MeterRegistry quiet = MeterRegistry.builder().exemplars(false).build();  // or a registry
    // README: end
    span.close();

    HistogramPoint point = Snapshots.histogram(reader.collect(), "http.server.duration",
        Labels.of("route", "/orders"));
    assertThat(point.exemplars()).extracting(Exemplar::traceId)
        .containsExactly(Spans.traceId(1), "4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(quiet.exemplarSettings(true)).isNull();
  }

  @Test
  void readmeShowsTheSnippetThisTestRuns() throws IOException {
    ReadmeSnippets.assertReadmeShows("ExemplarReadmeTest", "exemplars");
  }
}
