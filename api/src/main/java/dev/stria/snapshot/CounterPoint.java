package dev.stria.snapshot;

import java.util.List;

/**
 * The value of a counter or up-down counter series: a total or, for delta readers, a change.
 *
 * <p>{@code exemplars} holds at most one exemplar of a counter (none for up-down counters): the
 * latest one for cumulative points, one recorded during the interval for delta points.
 */
public record CounterPoint(Labels labels, long startEpochNanos, long epochNanos, double value,
    List<Exemplar> exemplars) implements PointSnapshot {
  /** Checks that labels are given and copies the exemplars. */
  public CounterPoint {
    Points.requireLabels(labels);
    exemplars = Points.exemplars(exemplars);
  }

  /** A point without exemplars. */
  public CounterPoint(Labels labels, long startEpochNanos, long epochNanos, double value) {
    this(labels, startEpochNanos, epochNanos, value, List.of());
  }
}
