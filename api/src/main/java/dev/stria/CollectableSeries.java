package dev.stria;

import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;

/** A series as a collection sees it. */
interface CollectableSeries {
  /** The point for {@code collection}, or null when there is nothing to report. */
  PointSnapshot collect(Collection collection, MetricType type);

  /** Drops what a closed reader had pending. */
  void forgetReader(int slot);
}
