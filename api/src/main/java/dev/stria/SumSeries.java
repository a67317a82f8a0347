package dev.stria;

import dev.stria.core.internal.StripedCounter;
import dev.stria.core.internal.SumDelta;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.PointSnapshot;

/** The collection side of a counter or up-down counter series. */
final class SumSeries extends SeriesState<SumSeries.Total> {
  /** A sum kept as an exact long part and a double part. */
  static final class Total {
    long longPart;
    double doublePart;
    boolean touched;

    double value() {
      return longPart + doublePart;
    }
  }

  private final StripedCounter cell;

  SumSeries(Labels labels, long startEpochNanos, StripedCounter cell) {
    super(labels, startEpochNanos);
    this.cell = cell;
  }

  @Override
  void drainInto(Total target) {
    SumDelta delta = cell.drain();
    target.longPart += delta.longPart();
    target.doublePart += delta.doublePart();
    target.touched |= !delta.isZero();
  }

  @Override
  Total empty() {
    return new Total();
  }

  @Override
  void merge(Total total, Total delta) {
    total.longPart += delta.longPart;
    total.doublePart += delta.doublePart;
    total.touched |= delta.touched;
  }

  @Override
  boolean isEmpty(Total data) {
    return !data.touched;
  }

  @Override
  PointSnapshot point(Total data, long startEpochNanos, long epochNanos) {
    return new CounterPoint(labels, startEpochNanos, epochNanos, data.value());
  }
}
