package dev.stria;

import dev.stria.core.internal.ExplicitBucketHistogram;
import dev.stria.core.internal.HistogramData;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.PointSnapshot;
import java.util.List;

/** The collection side of an explicit-bucket histogram series. */
final class ExplicitSeries extends SeriesState<HistogramData> {
  private final ExplicitBucketHistogram cell;
  private final double[] bounds;

  ExplicitSeries(Labels labels, long startEpochNanos, ExplicitBucketHistogram cell,
      ExemplarSeries exemplars) {
    super(labels, startEpochNanos, exemplars);
    this.cell = cell;
    this.bounds = cell.bounds().bounds();
  }

  @Override
  void drainInto(HistogramData target) {
    cell.drainInto(target);
  }

  @Override
  HistogramData empty() {
    return new HistogramData(bounds.length + 1);
  }

  @Override
  void clear(HistogramData data) {
    data.clear();
  }

  @Override
  Object shape() {
    return cell.bounds(); // one BucketBounds per instrument
  }

  @Override
  void merge(HistogramData total, HistogramData delta) {
    total.merge(delta);
  }

  @Override
  boolean isEmpty(HistogramData data) {
    return data.count() == 0;
  }

  @Override
  PointSnapshot point(HistogramData data, long startEpochNanos, long epochNanos,
      List<Exemplar> exemplars) {
    return point(labels, data, bounds, startEpochNanos, epochNanos, exemplars);
  }

  static HistogramPoint point(Labels labels, HistogramData data, double[] bounds,
      long startEpochNanos, long epochNanos, List<Exemplar> exemplars) {
    return new HistogramPoint(labels, startEpochNanos, epochNanos, data.count(), data.sum(),
        data.min(), data.max(), bounds, data.bucketCountsView(), exemplars); // the point copies
  }
}
