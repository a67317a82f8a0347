package dev.stria.snapshot;

/** The value of a counter or up-down counter series: a total or, for delta readers, a change. */
public record CounterPoint(Labels labels, long startEpochNanos, long epochNanos, double value)
    implements PointSnapshot {
  /** Checks that labels are given. */
  public CounterPoint {
    Points.requireLabels(labels);
  }
}
