package dev.stria.jvm;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One collection's snapshots, looked up by metric name and label values. */
record Collected(Map<String, MetricSnapshot> byName) {

  static Collected of(List<MetricSnapshot> batch) {
    Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
    batch.forEach(m -> byName.put(m.name(), m));
    return new Collected(byName);
  }

  MetricSnapshot metric(String name) {
    MetricSnapshot metric = byName.get(name);
    if (metric == null) {
      throw new AssertionError(name + " was not collected; collected: " + byName.keySet());
    }
    return metric;
  }

  /** The value of the gauge or sum point with these labels (names and values alternating). */
  double value(String name, String... labels) {
    PointSnapshot point = point(name, Labels.of(labels));
    return point instanceof GaugePoint g ? g.value() : ((CounterPoint) point).value();
  }

  /** How many observations the histogram holds over all its series. */
  long histogramCount(String name) {
    MetricSnapshot metric = byName.get(name);
    return metric == null ? 0 : metric.points().stream()
        .mapToLong(p -> ((HistogramPoint) p).count()).sum();
  }

  /** The sum of the values of every point of a gauge or sum. */
  double total(String name) {
    return metric(name).points().stream()
        .mapToDouble(p -> p instanceof GaugePoint g ? g.value() : ((CounterPoint) p).value())
        .sum();
  }

  private PointSnapshot point(String name, Labels labels) {
    return metric(name).points().stream().filter(p -> p.labels().equals(labels)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no point " + labels + "; it has "
            + metric(name).points().stream().map(PointSnapshot::labels).toList()));
  }
}
