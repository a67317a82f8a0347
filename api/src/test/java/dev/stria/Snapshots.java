package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import java.util.List;

/** Finds metrics and points in a collected batch, for assertions. */
final class Snapshots {
  private Snapshots() {}

  static MetricSnapshot only(List<MetricSnapshot> batch) {
    assertThat(batch).hasSize(1);
    return batch.get(0);
  }

  static MetricSnapshot named(List<MetricSnapshot> batch, String name) {
    return batch.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + batch));
  }

  static PointSnapshot point(List<MetricSnapshot> batch, String name, Labels labels) {
    return named(batch, name).points().stream().filter(p -> p.labels().equals(labels))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no point " + labels + " of " + name));
  }

  static double counterValue(List<MetricSnapshot> batch, String name, Labels labels) {
    return ((CounterPoint) point(batch, name, labels)).value();
  }

  static double gaugeValue(List<MetricSnapshot> batch, String name, Labels labels) {
    return ((GaugePoint) point(batch, name, labels)).value();
  }

  static HistogramPoint histogram(List<MetricSnapshot> batch, String name, Labels labels) {
    return (HistogramPoint) point(batch, name, labels);
  }
}
