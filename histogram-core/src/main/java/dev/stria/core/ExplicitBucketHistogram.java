package dev.stria.core;

import static dev.stria.core.LongStripes.PAD;
import static dev.stria.core.LongStripes.SLOT;

/**
 * A striped histogram with explicit bucket bounds: per-bucket counts, sum, min and max.
 *
 * <p><b>Recording.</b> {@link #record(double)} and {@link #recordLong(long)} work on the current
 * thread's stripe. The bucket count is one atomic add (wait-free). The sum of {@code long}
 * recordings is an atomic add too, so a timer that records nanoseconds is wait-free apart from
 * min and max. The sum of {@code double} recordings, and min and max, are compare-and-set loops:
 * lock-free, retried only when another thread wrote the same stripe in between; min and max
 * write only when the value is a new extreme, so they are a single read once the range is known.
 * NaN and infinite values are not recorded; they are counted as dropped.
 *
 * <p><b>Draining.</b> {@link #drain()} exchanges every slot of every stripe with its initial
 * value ({@code getAndSet}), so each recording lands in exactly one drain: a writer's bucket add
 * is either before the exchange of that slot (this drain) or after it (the next drain). The count
 * of a drained {@link HistogramData} is the sum of its buckets, so it is consistent by
 * construction. A record writes sum, min and max <i>before</i> its bucket, and a drain exchanges
 * the buckets <i>before</i> sum, min and max (all volatile-mode atomics): so when a drain takes a
 * recording's count it also takes its sum, min and max. The converse does not hold: a recording
 * racing the drain may leave its sum in this drain and its count in the next. Totals over
 * successive drains are exact. A drain never makes a writer wait.
 */
public final class ExplicitBucketHistogram {
  private final BucketBounds bounds;
  private final LongStripes stripes;
  private final int sumLongSlot;
  private final int sumDoubleSlot;
  private final int minSlot;
  private final int maxSlot;
  private final int droppedSlot;
  private final int buckets;

  public ExplicitBucketHistogram(BucketBounds bounds) {
    this.bounds = bounds;
    this.buckets = bounds.bucketCount();
    this.sumLongSlot = PAD + buckets;
    this.sumDoubleSlot = sumLongSlot + 1;
    this.minSlot = sumLongSlot + 2;
    this.maxSlot = sumLongSlot + 3;
    this.droppedSlot = sumLongSlot + 4;
    long[] initial = new long[buckets + 5];
    initial[minSlot - PAD] = DoubleBits.POSITIVE_INFINITY;
    initial[maxSlot - PAD] = DoubleBits.NEGATIVE_INFINITY;
    this.stripes = new LongStripes(initial);
  }

  public BucketBounds bounds() {
    return bounds;
  }

  /** Records a finite value; NaN and infinities are counted as dropped. */
  public void record(double value) {
    long[] stripe = stripes.forCurrentThread();
    if (value - value != 0) { // NaN or infinite
      SLOT.getAndAdd(stripe, droppedSlot, 1L);
      return;
    }
    DoubleBits.add(SLOT, stripe, sumDoubleSlot, value);
    DoubleBits.min(SLOT, stripe, minSlot, value);
    DoubleBits.max(SLOT, stripe, maxSlot, value);
    SLOT.getAndAdd(stripe, PAD + bounds.indexOf(value), 1L); // last: see the class comment
  }

  /**
   * Records {@code value * bounds.longUnit()}, with the bucket and the sum computed on longs (the
   * sum is a wait-free atomic add).
   */
  public void recordLong(long value) {
    long[] stripe = stripes.forCurrentThread();
    SLOT.getAndAdd(stripe, sumLongSlot, value);
    double scaled = value * bounds.longUnit();
    DoubleBits.min(SLOT, stripe, minSlot, scaled);
    DoubleBits.max(SLOT, stripe, maxSlot, scaled);
    SLOT.getAndAdd(stripe, PAD + bounds.indexOfLong(value), 1L); // last: see the class comment
  }

  /** Takes everything recorded since the previous drain; see the class comment. */
  public HistogramData drain() {
    HistogramData data = new HistogramData(buckets);
    drainInto(data);
    return data;
  }

  /**
   * Like {@link #drain()}, but adds what it takes to {@code data} (same bucket count) instead of
   * allocating: a collector with one reader drains straight into its cumulative total.
   */
  public void drainInto(HistogramData data) {
    if (data.bucketCountLength() != buckets) {
      throw new IllegalArgumentException(
          "cannot drain a histogram of " + buckets + " buckets into data of "
              + data.bucketCountLength());
    }
    for (int s = 0; s < stripes.capacity(); s++) {
      long[] stripe = stripes.stripe(s);
      if (stripe == null) {
        continue;
      }
      for (int b = 0; b < buckets; b++) {
        data.add(b, (long) SLOT.getAndSet(stripe, PAD + b, 0L));
      }
      long longSum = (long) SLOT.getAndSet(stripe, sumLongSlot, 0L);
      double doubleSum = DoubleBits.exchange(SLOT, stripe, sumDoubleSlot, 0L);
      data.addSum(doubleSum + longSum * bounds.longUnit());
      data.extend(
          DoubleBits.exchange(SLOT, stripe, minSlot, DoubleBits.POSITIVE_INFINITY),
          DoubleBits.exchange(SLOT, stripe, maxSlot, DoubleBits.NEGATIVE_INFINITY));
      data.addDropped((long) SLOT.getAndSet(stripe, droppedSlot, 0L));
    }
  }

  /** The number of stripes allocated so far (one per thread that mapped to a new stripe). */
  public int stripesInUse() {
    return stripes.stripesInUse();
  }
}
