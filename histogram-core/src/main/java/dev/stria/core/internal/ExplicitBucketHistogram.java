package dev.stria.core.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A striped histogram with explicit bucket bounds: per-bucket counts, sum, min and max.
 *
 * <p><b>Recording</b> works on the current thread's stripe. On its own stripe — the common case —
 * a thread is the only writer, so the bucket count and the sum are plain adds published with a
 * release store: no atomic instruction, <b>wait-free</b>. A thread that owns no stripe records into a
 * shared one (the spill, or its table slot's): the bucket count is an atomic add (wait-free,
 * after at most one compare-and-set that counts the record, see {@link LongStripes}), the double
 * sum a compare-and-set loop (<b>lock-free</b>). Min and max are a read
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
 *
 * <p><b>Memory.</b> A histogram only one thread records into holds one unpadded stripe (its
 * buckets, sums, min, max) and nothing else; other threads record atomically into one more
 * unpadded stripe (the spill), and the padded stripes and their table are allocated only once
 * records into the spill contend or come often (see {@link LongStripes}). Histograms with the same number of buckets share their
 * stripes' initial values.
 */
public final class ExplicitBucketHistogram extends LongStripes {
  private static final int FIRST_BUCKET = FIRST_CELL_SLOT;
  /** The initial slots per bucket count, shared by every histogram of that shape. */
  private static final ConcurrentHashMap<Integer, long[]> INITIAL = new ConcurrentHashMap<>();

  private final BucketBounds bounds;
  private final int buckets;
  /** The collector's readings: created by the first drain, so a series never drained pays none. */
  private StripeReadings readings;

  /** A histogram with {@code bounds}, empty; it allocates its first stripe on its first record. */
  public ExplicitBucketHistogram(BucketBounds bounds) {
    super(INITIAL.computeIfAbsent(bounds.bucketCount(), ExplicitBucketHistogram::initial));
    this.bounds = bounds;
    this.buckets = bounds.bucketCount();
  }

  /** Frame and sums zero, buckets zero, then long sum, min, max, dropped. */
  private static long[] initial(int buckets) {
    long[] initial = zeroes(buckets + 4);
    initial[FIRST_BUCKET - FRAME + buckets + 1] = DoubleBits.POSITIVE_INFINITY;
    initial[FIRST_BUCKET - FRAME + buckets + 2] = DoubleBits.NEGATIVE_INFINITY;
    return initial;
  }

  // The cell's slots after the buckets, relative to a stripe's base.
  private int sumLongSlot() {
    return FIRST_BUCKET + buckets;
  }

  private int minSlot() {
    return FIRST_BUCKET + buckets + 1;
  }

  private int maxSlot() {
    return FIRST_BUCKET + buckets + 2;
  }

  private int droppedSlot() {
    return FIRST_BUCKET + buckets + 3;
  }

  /** The bucket bounds this histogram counts into. */
  public BucketBounds bounds() {
    return bounds;
  }

  /** Records a finite value; NaN and infinities are counted as dropped. */
  public void record(double value) {
    Thread current = Thread.currentThread();
    Table t = table(); // once: whether the thread's own stripe is compact or padded
    long[] own = ownStripe(t, current);
    if (own == null) {
      recordElsewhere(value);
    } else if (t == null) {
      recordInto(own, COMPACT, true, value);
    } else {
      recordInto(own, PADDED, true, value);
    }
  }

  /** A thread that owns no stripe yet, or records into a shared one. */
  private void recordElsewhere(double value) {
    long[] stripe = stripeOf(Thread.currentThread());
    if (stripe == null) {
      record(value); // this thread has just taken the compact stripe
    } else {
      int base = baseOf(stripe);
      recordInto(stripe, base, isOwned(stripe, base), value);
    }
  }

  private void recordInto(long[] stripe, int base, boolean owned, double value) {
    if (value - value != 0) { // NaN or infinite
      add(stripe, owned, base + droppedSlot(), 1L);
      return;
    }
    addSum(stripe, base, owned, value);
    DoubleBits.extend(stripe, base + minSlot(), base + maxSlot(), value);
    add(stripe, owned, base + FIRST_BUCKET + bounds.indexOf(value), 1L); // last: see class comment
  }

  /**
   * Records {@code value * bounds.longUnit()}, with the bucket and the sum computed on longs (on
   * a shared stripe the sum is a wait-free atomic add).
   */
  public void recordLong(long value) {
    Thread current = Thread.currentThread();
    Table t = table();
    long[] own = ownStripe(t, current);
    if (own == null) {
      recordLongElsewhere(value);
    } else if (t == null) {
      recordLongInto(own, COMPACT, true, value);
    } else {
      recordLongInto(own, PADDED, true, value);
    }
  }

  private void recordLongElsewhere(long value) {
    long[] stripe = stripeOf(Thread.currentThread());
    if (stripe == null) {
      recordLong(value); // this thread has just taken the compact stripe
    } else {
      int base = baseOf(stripe);
      recordLongInto(stripe, base, isOwned(stripe, base), value);
    }
  }

  private void recordLongInto(long[] stripe, int base, boolean owned, long value) {
    add(stripe, owned, base + sumLongSlot(), value);
    double scaled = value * bounds.longUnit();
    DoubleBits.extend(stripe, base + minSlot(), base + maxSlot(), scaled);
    add(stripe, owned, base + FIRST_BUCKET + bounds.indexOfLong(value), 1L); // last: see class comment
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
    if (readings == null) {
      readings = new StripeReadings(this);
    }
    readings.drainAll((stripe, base, seen) -> drainStripe(stripe, base, seen, data));
  }

  /** Buckets first, then sum, min and max: see the class comment. */
  private void drainStripe(long[] stripe, int base, long[] seen, HistogramData data) {
    for (int b = 0; b < buckets; b++) {
      data.add(b, StripeReadings.take(stripe, base, seen, FIRST_BUCKET + b));
    }
    long longSum = StripeReadings.take(stripe, base, seen, sumLongSlot());
    double doubleSum = StripeReadings.takeSum(stripe, base, seen);
    data.addSum(doubleSum + longSum * bounds.longUnit());
    data.extend(
        DoubleBits.exchange(stripe, base + minSlot(), DoubleBits.POSITIVE_INFINITY),
        DoubleBits.exchange(stripe, base + maxSlot(), DoubleBits.NEGATIVE_INFINITY));
    data.addDropped(StripeReadings.take(stripe, base, seen, droppedSlot()));
  }

  /**
   * The number of stripes allocated so far: the compact one, the spill other threads share, and
   * the padded ones once the histogram inflated.
   */
  public int stripesInUse() {
    return countStripes();
  }

  /**
   * The number of padded stripes (a cache line of padding on each side) allocated so far: zero
   * until records into the spill contend or come often.
   */
  public int paddedStripesInUse() {
    return countPaddedStripes();
  }
}
