package dev.stria.prometheus;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;

/** Hand-built snapshots for conversion tests. */
final class TestPoints {
  /** 2023-11-14T22:13:20.123Z, the start of every series here. */
  static final long START = 1_700_000_000_123_000_000L;
  static final long NOW = START + 60_000_000_000L;

  private TestPoints() {}

  static MetricSnapshot metric(String name, String description, String unit, MetricType type,
      PointSnapshot... points) {
    return new MetricSnapshot(name, description, unit, type, Temporality.CUMULATIVE,
        List.of(points));
  }

  static CounterPoint counter(double value, String... labels) {
    return new CounterPoint(Labels.of(labels), START, NOW, value);
  }

  static GaugePoint gauge(double value, String... labels) {
    return new GaugePoint(Labels.of(labels), START, NOW, value);
  }

  static HistogramPoint histogram(double[] bounds, long[] counts, double sum, String... labels) {
    long count = 0;
    for (long c : counts) {
      count += c;
    }
    return new HistogramPoint(Labels.of(labels), START, NOW, count, sum, Double.NaN, Double.NaN,
        bounds, counts);
  }
}
