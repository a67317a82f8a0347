package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.counter;
import static dev.stria.prometheus.TestPoints.gauge;
import static dev.stria.prometheus.TestPoints.histogram;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Prometheus' own linter finds nothing to say about the text output of a realistic registry. */
class PromtoolCheckMetricsTest {

  @Test
  void promtoolReportsNothingOnTheTextFormat() throws Exception {
    Path promtool = ExternalBinary.require("promtool");
    FakeReader reader = new FakeReader(
        new Resource(Map.of("service.name", "checkout", "service.version", "1.4.2")),
        new InstrumentationScope("dev.stria", "0.1.0"),
        TemporalitySelector.always(Temporality.CUMULATIVE),
        () -> List.of(
            metric("http.server.requests", "Requests handled", "1", MetricType.COUNTER,
                counter(12, "method", "GET", "status", "200"),
                counter(1, "method", "POST", "status", "500")),
            metric("http.server.active_requests", "Requests in flight", "{request}",
                MetricType.UP_DOWN_COUNTER, counter(3)),
            metric("jvm.memory.used", "Heap in use", "By", MetricType.GAUGE, gauge(1.5e8)),
            metric("http.server.duration", "Request latency", "s", MetricType.HISTOGRAM,
                histogram(new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
                    new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 99.5,
                    "route", "/orders")),
            metric("rpc.payload.size", "Payload sizes", "By", MetricType.EXPONENTIAL_HISTOGRAM,
                new ExponentialHistogramPoint(Labels.empty(), TestPoints.START, TestPoints.NOW,
                    3, 600, 100, 300, 2, 0, 26, new long[] {1, 1, 1}, 0, new long[0])),
            metric("hostile", "Hostile labels", "", MetricType.COUNTER,
                counter(1, "path", HostileLabelValuesTest.HOSTILE))));
    String text = Expose.text(StriaCollector.builder(reader).build());

    Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectErrorStream(true).start();
    check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(report).as("promtool on:\n" + text).isEmpty();
    assertThat(check.exitValue()).isZero();
  }
}
