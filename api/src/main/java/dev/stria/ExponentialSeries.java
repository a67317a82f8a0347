package dev.stria;

import dev.stria.core.internal.ExplicitBucketHistogram;
import dev.stria.core.internal.ExponentialHistogram;
import dev.stria.core.internal.ExponentialHistogramData;
import dev.stria.core.internal.HistogramData;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.PointSnapshot;

/**
 * The collection side of an exponential histogram series, with its explicit-bucket view when the
 * histogram was given bounds as well.
 *
 * <p>The two cells are drained one after the other, so a recording that races the drain may be
 * in one view's point and not yet in the other's; each view on its own is exact and consistent.
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
  private final ExplicitBucketHistogram classicCell;
  private final double[] classicBounds;
  private final int maxBuckets;

  ExponentialSeries(Labels labels, long startEpochNanos, ExponentialHistogram cell,
      ExplicitBucketHistogram classicCell, int maxBuckets) {
    super(labels, startEpochNanos);
    this.cell = cell;
    this.classicCell = classicCell;
    this.classicBounds = classicCell == null ? null : classicCell.bounds().bounds();
    this.maxBuckets = maxBuckets;
  }

  @Override
  void drainInto(Data target) {
    cell.drainInto(target.exponential);
    if (classicCell != null) {
      classicCell.drainInto(target.classic);
    }
  }

  @Override
  Data empty() {
    return new Data(new ExponentialHistogramData(cell.recordingScale()),
        classicCell == null ? null : new HistogramData(classicBounds.length + 1));
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
    return data.exponential.count() == 0 && (data.classic == null || data.classic.count() == 0);
  }

  @Override
  PointSnapshot point(Data data, long startEpochNanos, long epochNanos) {
    ExponentialHistogramData e = data.exponential;
    ExponentialHistogramData.Downscaled buckets = e.downscale(maxBuckets);
    HistogramPoint classic = null;
    if (data.classic != null) {
      // Present the classic view with the exponential view's count, so the point stays
      // consistent even when a recording raced the drain between the two cells.
      classic = data.classic.count() == e.count()
          ? ExplicitSeries.point(labels, data.classic, classicBounds, startEpochNanos, epochNanos)
          : null;
    }
    return new ExponentialHistogramPoint(labels, startEpochNanos, epochNanos, e.count(), e.sum(),
        e.min(), e.max(), buckets.scale(), buckets.zeroCount(), buckets.positiveOffset(),
        buckets.positiveCounts(), buckets.negativeOffset(), buckets.negativeCounts(), classic);
  }
}
