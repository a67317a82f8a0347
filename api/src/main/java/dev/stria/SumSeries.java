package dev.stria;

import dev.stria.core.internal.StripedCounter;
import dev.stria.core.internal.SumDelta;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.PointSnapshot;
import java.util.List;

/**
 * The collection side of a counter or up-down counter series.
 *
 * <p><b>Totals never wrap.</b> Whole increments are summed exactly in a stripe's {@code long}
 * slot, whose delta a drain takes by subtraction: exact modulo 2<sup>64</sup>, so exact as long
 * as one stripe grows by less than 2<sup>63</sup> between two drains. The instruments therefore
 * send whole increments of {@link #LARGE} (2<sup>32</sup>) and more to the {@code double} slot (a
 * thread would need 2<sup>31</sup> increments just below 2<sup>32</sup> between two collections
 * to wrap its slot: 9 exabytes of a byte counter), and
 * a total whose exact {@code long} part would pass {@link Long#MAX_VALUE} carries the increment
 * into its {@code double} part instead: past 2<sup>63</sup> a total goes on growing as a double
 * (integer precision is lost past 2<sup>53</sup> anyway when a point reports it).
 */
final class SumSeries extends SeriesState<SumSeries.Total> {
  /** Whole increments of at least 2^LARGE_BITS in magnitude are summed as doubles. */
  static final int LARGE_BITS = 32;
  static final long LARGE = 1L << LARGE_BITS;

  /** A sum kept as an exact long part and a double part. */
  static final class Total {
    long longPart;
    double doublePart;
    boolean touched;

    /** Adds {@code whole} exactly, or to the double part when the long part would overflow. */
    void add(long whole, double fraction) {
      long sum = longPart + whole;
      if (((longPart ^ sum) & (whole ^ sum)) < 0) { // overflow: carry into the double part
        doublePart += (double) whole;
      } else {
        longPart = sum;
      }
      doublePart += fraction;
    }

    double value() {
      return longPart + doublePart;
    }
  }

  private final StripedCounter cell;

  SumSeries(Labels labels, long startEpochNanos, StripedCounter cell,
      ExemplarSeries exemplars) {
    super(labels, startEpochNanos, exemplars);
    this.cell = cell;
  }

  @Override
  void drainInto(Total target) {
    SumDelta delta = cell.drain();
    target.add(delta.longPart(), delta.doublePart());
    target.touched |= !delta.isZero();
  }

  @Override
  Total empty() {
    return new Total();
  }

  @Override
  void clear(Total data) {
    data.longPart = 0;
    data.doublePart = 0;
    data.touched = false;
  }

  @Override
  Object shape() {
    return SumSeries.class;
  }

  @Override
  void merge(Total total, Total delta) {
    total.add(delta.longPart, delta.doublePart);
    total.touched |= delta.touched;
  }

  @Override
  boolean isEmpty(Total data) {
    return !data.touched;
  }

  @Override
  PointSnapshot point(Total data, long startEpochNanos, long epochNanos,
      List<Exemplar> exemplars) {
    return new CounterPoint(labels, startEpochNanos, epochNanos, data.value(), exemplars);
  }
}
