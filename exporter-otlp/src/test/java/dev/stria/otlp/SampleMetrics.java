package dev.stria.otlp;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built snapshots covering every instrument kind and awkward strings. */
final class SampleMetrics {
  static final long START = 1_700_000_000_123_456_789L;
  static final long END = START + 60_000_000_000L;
  static final Labels GET_200 = Labels.of("method", "GET", "status", "200");
  static final Labels AWKWARD = Labels.of("path", "/a \"quoted\" \\ back\nslash\t✓ 😀", "empty", "");

  private SampleMetrics() {}

  static MetricBatch batch(Temporality temporality) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("service.name", "checkout");
    attributes.put("telemetry.sdk.name", "stria");
    attributes.put("deployment.environment", "prod \"eu\"");
    return new MetricBatch(new Resource(attributes), new InstrumentationScope("dev.stria", "0.1.0"),
        metrics(temporality));
  }

  static List<MetricSnapshot> metrics(Temporality t) {
    return List.of(
        new MetricSnapshot("http.server.requests", "Requests handled", "1", MetricType.COUNTER, t,
            List.of(new CounterPoint(GET_200, START, END, 42),
                new CounterPoint(AWKWARD, START, END, 0.5))),
        new MetricSnapshot("queue.size", "", "", MetricType.UP_DOWN_COUNTER, Temporality.CUMULATIVE,
            List.of(new CounterPoint(Labels.empty(), START, END, -3))),
        new MetricSnapshot("jvm.memory.used", "heap", "By", MetricType.GAUGE, Temporality.CUMULATIVE,
            List.of(new GaugePoint(Labels.of("area", "heap"), START, END, 1.5e9),
                new GaugePoint(Labels.of("area", "nonheap"), START, END, Double.NaN))),
        new MetricSnapshot("http.server.duration", "latency", "s", MetricType.HISTOGRAM, t,
            List.of(new HistogramPoint(GET_200, START, END, 6, 1.2345, 0.001, 0.9,
                    new double[] {0.005, 0.01, 0.1, 1}, new long[] {1, 0, 2, 3, 0}),
                new HistogramPoint(AWKWARD, START, END, 0, 0, Double.NaN, Double.NaN,
                    new double[] {0.005, 0.01, 0.1, 1}, new long[] {0, 0, 0, 0, 0}))),
        new MetricSnapshot("rpc.payload.size", "", "By", MetricType.EXPONENTIAL_HISTOGRAM, t,
            List.of(new ExponentialHistogramPoint(Labels.of("rpc", "get"), START, END, 10, -12.5,
                    -8, 300, 3, 2, -4, new long[] {1, 0, 3}, 5, new long[] {2, 2}),
                new ExponentialHistogramPoint(Labels.empty(), START, END, 0, 0, Double.NaN,
                    Double.NaN, -2, 0, 0, new long[0], 0, new long[0]))),
        new MetricSnapshot("empty.metric", "", "", MetricType.COUNTER, t, List.of()));
  }
}
