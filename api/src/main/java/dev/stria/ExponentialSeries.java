package dev.stria;

import dev.stria.core.internal.ExponentialHistogram;
import dev.stria.core.internal.ExponentialHistogramData;
import dev.stria.core.internal.HistogramData;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.PointSnapshot;
import java.util.List;

/**
 * The collection side of an exponential histogram series, with its explicit-bucket view when the
 * histogram was given bounds as well. Both views are drained from one cell and one set of counts,
 * so every point presents them with the same recordings.
 */
final class ExponentialSeries extends SeriesState<ExponentialSeries.Data> {
  /** Both views' accumulations. */
  static final class Data {
    final ExponentialHistogramData exponential;
    final HistogramData classic;

    Data(ExponentialHistogramData exponential, HistogramData classic) {
      this.exponential = exponential;
      this.classic = classic;
    }
  }

  private final ExponentialHistogram cell;
  private final double[] classicBounds;
  private final int maxBuckets;

  ExponentialSeries(Labels labels, long startEpochNanos, ExponentialHistogram cell,
      int maxBuckets, ExemplarSeries exemplars) {
    super(labels, startEpochNanos, exemplars);
    this.cell = cell;
    this.classicBounds = cell.explicitBounds() == null ? null : cell.explicitBounds().bounds();
    this.maxBuckets = maxBuckets;
  }

  @Override
  void drainInto(Data target) {
    cell.drainInto(target.exponential, target.classic);
  }

  @Override
  Data empty() {
    return new Data(new ExponentialHistogramData(cell.recordingScale()),
        classicBounds == null ? null : new HistogramData(classicBounds.length + 1));
  }

  @Override
  void clear(Data data) {
    data.exponential.clear();
    if (data.classic != null) {
      data.classic.clear();
    }
  }

  @Override
  Object shape() {
    // Every exponential cell records at one scale; the explicit view's bounds are per instrument.
    return cell.explicitBounds() == null ? ExponentialSeries.class : cell.explicitBounds();
  }

  @Override
  void merge(Data total, Data delta) {
    total.exponential.merge(delta.exponential);
    if (total.classic != null) {
      total.classic.merge(delta.classic);
    }
  }

  @Override
  boolean isEmpty(Data data) {
    return data.exponential.count() == 0; // the classic view has the same count
  }

  @Override
  PointSnapshot point(Data data, long startEpochNanos, long epochNanos,
      List<Exemplar> exemplars) {
    ExponentialHistogramData e = data.exponential;
    ExponentialHistogramData.Downscaled buckets = e.downscale(maxBuckets);
    HistogramPoint classic = data.classic == null ? null
        : ExplicitSeries.point(labels, data.classic, classicBounds, startEpochNanos, epochNanos,
            exemplars);
    return new ExponentialHistogramPoint(labels, startEpochNanos, epochNanos, e.count(), e.sum(),
        e.min(), e.max(), buckets.scale(), buckets.zeroCount(), buckets.positiveOffset(),
        buckets.positiveCounts(), buckets.negativeOffset(), buckets.negativeCounts(), classic,
        exemplars);
  }
}
