package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.PAD;
import static dev.stria.core.internal.LongStripes.SLOT;

/**
 * One drain of an {@link ExponentialHistogram}: takes each stripe's growth since the previous
 * drain into the exponential data and, when the cell has one, its explicit view. Owned stripes
 * ({@link OwnedExponentialStripe}) are read and compared with the collector's last readings;
 * shared stripes ({@link ExponentialStripe}) are exchanged with zero ({@code getAndSet}, never
 * read-then-zero). Of each stripe the counts are taken first, then the sums, min and max: see
 * {@link LongStripes}, "Which read sees which write".
 *
 * <p>Not thread-safe: the cell serialises its drains.
 */
final class ExponentialDrain implements OwnedExponentialStripe.BucketCounts {
  private final ExplicitView view;
  private final ExponentialHistogramData target;
  /** The explicit view's data, or null when the cell has no view or the caller left it out. */
  private final HistogramData explicit;

  ExponentialDrain(ExplicitView view, ExponentialHistogramData target, HistogramData explicit) {
    this.view = view;
    this.target = target;
    this.explicit = view == null ? null : explicit;
  }

  /** Takes an owned stripe's growth since the last drain. */
  void owned(OwnedExponentialStripe stripe) {
    stripe.drainWindows(this);
    scalars(stripe.scalars, stripe.seenScalars);
  }

  /** The counts of one bucket: into the exponential data and the explicit bucket it belongs to. */
  @Override
  public void add(boolean negative, int index, long n) {
    if (negative) {
      target.addNegative(index, n);
    } else {
      target.addPositive(index, n);
    }
    if (explicit != null) {
      explicit.add(view.explicitIndexOfBucket(negative, index), n);
    }
  }

  /**
   * Exchanges every non-zero bucket of a shared stripe's chunk table with zero; bucket 0 of the
   * table's chunk 0 is bucket {@code firstBucket}.
   */
  void sharedChunks(long[][] table, int firstBucket, int chunkBits, boolean negative) {
    if (table == null) {
      return;
    }
    int chunkSize = 1 << chunkBits;
    for (int c = 0; c < table.length; c++) {
      long[] chunk = ExponentialStripe.chunk(table, c);
      if (chunk == null) {
        continue;
      }
      int first = firstBucket + (c << chunkBits);
      for (int i = 0; i < chunkSize; i++) {
        // Reading first skips the exchange of empty buckets; an increment that lands after the
        // read is taken by the next drain.
        if ((long) SLOT.getVolatile(chunk, PAD + i) != 0) {
          add(negative, first + i, (long) SLOT.getAndSet(chunk, PAD + i, 0L));
        }
      }
    }
  }

  /**
   * The side slots, zero and dropped counts (counts first), then sum, min and max of a stripe's
   * scalars; {@code seen} holds the last readings of an owned stripe, null for a shared one.
   */
  void scalars(long[] scalars, long[] seen) {
    if (view != null) {
      for (int j = 0; j < view.sideSlots(); j++) {
        if (view.hasSide(j)) {
          long n = take(scalars, seen, ExponentialStripe.SIDE + j);
          if (n != 0) {
            sideCount(j, n);
          }
        }
      }
    }
    long zero = take(scalars, seen, ExponentialStripe.ZERO);
    long dropped = take(scalars, seen, ExponentialStripe.DROPPED);
    double sum = StripeReadings.takeSum(scalars, ExponentialStripe.BASE, seen);
    double min = DoubleBits.exchange(scalars, ExponentialStripe.MIN, DoubleBits.POSITIVE_INFINITY);
    double max = DoubleBits.exchange(scalars, ExponentialStripe.MAX, DoubleBits.NEGATIVE_INFINITY);
    target.addZero(zero);
    target.addDropped(dropped);
    target.addSum(sum);
    target.accumulateMin(min);
    target.accumulateMax(max);
    if (explicit != null) {
      explicit.add(view.zeroBucket(), zero);
      explicit.addDropped(dropped);
      explicit.addSum(sum);
      explicit.extend(min, max);
    }
  }

  /** A side slot belongs to one exponential bucket and one explicit bucket. */
  private void sideCount(int j, long n) {
    if (view.sideIsNegative(j)) {
      target.addNegative(view.sideBucket(j), n);
    } else {
      target.addPositive(view.sideBucket(j), n);
    }
    if (explicit != null) {
      explicit.add(j, n);
    }
  }

  /** The growth of the scalar slot {@code slot} (absolute) since the last drain. */
  private static long take(long[] scalars, long[] seen, int slot) {
    int base = ExponentialStripe.BASE;
    return StripeReadings.take(scalars, base, seen, slot - base);
  }
}
