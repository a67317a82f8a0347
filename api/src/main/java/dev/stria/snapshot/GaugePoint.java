package dev.stria.snapshot;

/** The current value of a gauge series. */
public record GaugePoint(Labels labels, long startEpochNanos, long epochNanos, double value)
    implements PointSnapshot {
  /** Checks that labels are given. */
  public GaugePoint {
    Points.requireLabels(labels);
  }
}
