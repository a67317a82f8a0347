package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.PAD;

/**
 * A striped histogram with explicit bucket bounds: per-bucket counts, sum, min and max.
 *
 * <p><b>Recording</b> works on the current thread's stripe ({@link LongStripes}). On its own
 * stripe — the common case — a thread is the only writer, so the bucket count and the sum are
 * plain adds published with a release store: no atomic instruction, <b>wait-free</b>. A thread
 * whose stripe slot belongs to another thread records into the slot's shared stripe: the bucket
 * count is an atomic add (wait-free), the double sum a compare-and-set loop (<b>lock-free</b>,
 * retried only when another thread changed it in between). Min and max are compare-and-set loops on
 * either kind of stripe, but they write only when the value is a new extreme, so once the range
 * is known they are a single read. NaN and infinite values are not recorded; they are counted as
 * dropped. Nothing allocates once the thread's stripe exists.
 *
 * <p><b>Draining.</b> {@link #drain()} takes from each owned stripe what its slots grew by since
 * the last drain (they only grow, and only their owner writes them), and exchanges the shared
 * stripe's slots with zero ({@code getAndSet}); see {@link StripeReadings}. Either way each
 * recording lands in exactly one drain. The count of a drained {@link HistogramData} is the sum
 * of its buckets, so it is consistent by construction. A record writes sum, min and max
 * <i>before</i> its bucket (a release store), and a drain reads the buckets <i>before</i> sum,
 * min and max (acquire loads): so when a drain takes a recording's count it also takes its sum,
 * min and max. The converse does not hold: a recording racing the drain may leave its sum in this
 * drain and its count in the next. Totals over successive drains are exact (sums of an owned
 * stripe up to the rounding of its running total). Drains are serialised on the cell and never
 * make a writer wait.
 */
public final class ExplicitBucketHistogram {
  private final BucketBounds bounds;
  private final LongStripes stripes;
  private final StripeReadings readings;
  private final int sumLongSlot;
  private final int sumDoubleSlot;
  private final int minSlot;
  private final int maxSlot;
  private final int droppedSlot;
  private final int buckets;

  /** A histogram with {@code bounds}, empty. */
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
    this.readings = new StripeReadings(stripes);
  }

  /** The bucket bounds this histogram counts into. */
  public BucketBounds bounds() {
    return bounds;
  }

  /** Records a finite value; NaN and infinities are counted as dropped. */
  public void record(double value) {
    long[] stripe = stripes.forCurrentThread();
    boolean owned = LongStripes.isOwned(stripe);
    if (value - value != 0) { // NaN or infinite
      LongStripes.add(stripe, owned, droppedSlot, 1L);
      return;
    }
    LongStripes.add(stripe, owned, sumDoubleSlot, value);
    DoubleBits.min(stripe, minSlot, value);
    DoubleBits.max(stripe, maxSlot, value);
    LongStripes.add(stripe, owned, PAD + bounds.indexOf(value), 1L); // last: see class comment
  }

  /**
   * Records {@code value * bounds.longUnit()}, with the bucket and the sum computed on longs (on
   * a shared stripe the sum is a wait-free atomic add).
   */
  public void recordLong(long value) {
    long[] stripe = stripes.forCurrentThread();
    boolean owned = LongStripes.isOwned(stripe);
    LongStripes.add(stripe, owned, sumLongSlot, value);
    double scaled = value * bounds.longUnit();
    DoubleBits.min(stripe, minSlot, scaled);
    DoubleBits.max(stripe, maxSlot, scaled);
    LongStripes.add(stripe, owned, PAD + bounds.indexOfLong(value), 1L); // last: see class comment
  }

  /** Takes everything recorded since the previous drain; see the class comment. */
  public HistogramData drain() {
    HistogramData data = new HistogramData(buckets);
    drainInto(data);
    return data;
  }

  /**
   * Like {@link #drain()}, but adds what it takes to {@code data} (same bucket count) instead of
   * allocating: a collector with one reader drains straight into its cumulative total. Drains
   * are serialised on this cell; they never make a writer wait.
   */
  public synchronized void drainInto(HistogramData data) {
    if (data.bucketCountLength() != buckets) {
      throw new IllegalArgumentException(
          "cannot drain a histogram of " + buckets + " buckets into data of "
              + data.bucketCountLength());
    }
    readings.drainAll((stripe, seen) -> drainStripe(stripe, seen, data));
  }

  /** Buckets first, then sum, min and max: see the class comment. */
  private void drainStripe(long[] stripe, long[] seen, HistogramData data) {
    for (int b = 0; b < buckets; b++) {
      data.add(b, StripeReadings.take(stripe, seen, PAD + b));
    }
    long longSum = StripeReadings.take(stripe, seen, sumLongSlot);
    double doubleSum = StripeReadings.takeDouble(stripe, seen, sumDoubleSlot);
    data.addSum(doubleSum + longSum * bounds.longUnit());
    data.extend(
        DoubleBits.exchange(stripe, minSlot, DoubleBits.POSITIVE_INFINITY),
        DoubleBits.exchange(stripe, maxSlot, DoubleBits.NEGATIVE_INFINITY));
    data.addDropped(StripeReadings.take(stripe, seen, droppedSlot));
  }

  /** The number of stripes allocated so far (one per thread that mapped to a new stripe). */
  public int stripesInUse() {
    return stripes.stripesInUse();
  }
}
