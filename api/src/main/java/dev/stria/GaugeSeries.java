package dev.stria;

import dev.stria.core.internal.GaugeCell;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;

/** The collection side of a gauge series: every reader sees the current value. */
final class GaugeSeries implements CollectableSeries {
  final Labels labels;
  private final long startEpochNanos;
  private final GaugeCell cell;

  GaugeSeries(Labels labels, long startEpochNanos, GaugeCell cell) {
    this.labels = labels;
    this.startEpochNanos = startEpochNanos;
    this.cell = cell;
  }

  @Override
  public PointSnapshot collect(Collection collection, MetricType type) {
    return new GaugePoint(labels, startEpochNanos, collection.epochNanos, cell.get());
  }

  @Override
  public void forgetReader(int slot) {}
}
