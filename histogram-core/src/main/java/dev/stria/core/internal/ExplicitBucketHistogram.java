package dev.stria.core.internal;

/**
 * A striped histogram with explicit bucket bounds: per-bucket counts, sum, min and max.
 *
 * <p><b>Recording</b> works on the current thread's stripe. On its own stripe — the common case —
 * a thread is the only writer, so the bucket count and the sum are plain adds published with a
 * release store: no atomic instruction, <b>wait-free</b>. A thread whose stripe slot belongs to
 * another thread records into the slot's shared stripe: the bucket count is an atomic add
 * (wait-free), the double sum a compare-and-set loop (<b>lock-free</b>). Min and max are a read
 * and a compare, and a compare-and-set loop only on a new extreme. NaN and infinite values are not
 * recorded; they are counted as dropped. Nothing allocates once the thread's stripe exists.
 *
 * <p><b>Draining.</b> {@link #drain()} takes from each owned stripe what its slots grew by since
 * the last drain and exchanges the shared stripe's slots with zero, so each recording lands in
 * exactly one drain; the count of a drained {@link HistogramData} is the sum of its buckets. A
 * record writes sum, min and max before its bucket, and a drain reads the buckets first, so a
 * drain that takes a count also takes its sum, min and max. A drained sum is as precise as
 * adding that interval's values alone. Drains are serialised on the cell and never make a writer
 * wait. The protocol, its happens-before edges and its progress guarantees: {@link LongStripes}.
 */
public final class ExplicitBucketHistogram {
  private final BucketBounds bounds;
  private final LongStripes stripes;
  private final StripeReadings readings;
  private static final int FIRST_BUCKET = LongStripes.FIRST_CELL_SLOT;

  private final int sumLongSlot;
  private final int minSlot;
  private final int maxSlot;
  private final int droppedSlot;
  private final int buckets;

  /** A histogram with {@code bounds}, empty. */
  public ExplicitBucketHistogram(BucketBounds bounds) {
    this.bounds = bounds;
    this.buckets = bounds.bucketCount();
    this.sumLongSlot = FIRST_BUCKET + buckets;
    this.minSlot = sumLongSlot + 1;
    this.maxSlot = sumLongSlot + 2;
    this.droppedSlot = sumLongSlot + 3;
    long[] initial = new long[buckets + 4];
    initial[minSlot - FIRST_BUCKET] = DoubleBits.POSITIVE_INFINITY;
    initial[maxSlot - FIRST_BUCKET] = DoubleBits.NEGATIVE_INFINITY;
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
    LongStripes.addSum(stripe, owned, value);
    DoubleBits.min(stripe, minSlot, value);
    DoubleBits.max(stripe, maxSlot, value);
    LongStripes.add(stripe, owned, FIRST_BUCKET + bounds.indexOf(value), 1L); // last: see class comment
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
    LongStripes.add(stripe, owned, FIRST_BUCKET + bounds.indexOfLong(value), 1L); // last: see class comment
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
      data.add(b, StripeReadings.take(stripe, seen, FIRST_BUCKET + b));
    }
    long longSum = StripeReadings.take(stripe, seen, sumLongSlot);
    double doubleSum = StripeReadings.takeSum(stripe, seen);
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
