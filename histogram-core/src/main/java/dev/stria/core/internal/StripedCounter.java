package dev.stria.core.internal;

/**
 * A striped sum of {@code long} and {@code double} increments, for counters and up-down counters.
 *
 * <ul>
 *   <li>{@link #add(long)} is <b>wait-free</b>: on the thread's own stripe (the common case) a
 *       plain add published with a release store, no atomic instruction; on a shared stripe
 *       (the spill, or a table slot another thread owns, see {@link LongStripes}) one atomic add
 *       (and, on the spill before inflation, one compare-and-set that counts the record)
 *       ({@code LOCK XADD} on x86-64).
 *   <li>{@link #add(double)} is wait-free on the thread's own stripe and <b>lock-free</b> on the
 *       shared one: a compare-and-set loop retried only when another thread wrote it in between.
 *       Integral increments should use {@link #add(long)}.
 *   <li>{@link #drain()} takes what each owned stripe grew by since the last drain and exchanges
 *       the shared stripe's slots with zero ({@code getAndSet}), so each increment is returned by
 *       exactly one drain, whatever the writers do meanwhile. The double part of a drain is as
 *       precise as adding that interval's increments alone (frames, see {@link LongStripes}).
 *       Drains are serialised on the counter and never make a writer wait.
 * </ul>
 *
 * <p>The long part of one stripe wraps modulo 2^64, and a drain takes the difference of two
 * readings: it is exact while one stripe gains less than 2^63 between two drains. The API keeps
 * increments that could approach that (2^40 and more) in the double part. The counter does not
 * check signs: monotonic counters reject negative increments in the API.
 *
 * <p><b>Memory.</b> A counter only one thread adds to holds one unpadded stripe of six longs
 * (allocated by the first add) and nothing else. Other threads add atomically to one more
 * unpadded stripe, the spill; the padded stripes, a cache line on each side, and their table are
 * allocated only once adds to the spill contend (or one thread adds to it often), as {@link
 * java.util.concurrent.atomic.LongAdder} keeps its base until a compare-and-set fails. The
 * collector's readings are allocated by the first drain.
 *
 * <p>The protocol and why it is correct: {@link LongStripes}.
 */
public final class StripedCounter extends LongStripes {
  private static final int LONG_SLOT = FIRST_CELL_SLOT;
  /** Every counter's stripes start at zero: one shared, never written, initial array. */
  private static final long[] INITIAL = zeroes(1);

  /** The collector's readings: created by the first drain, so a series never drained pays none. */
  private StripeReadings readings;

  /** An empty counter; it allocates its first (compact) stripe on its first add. */
  public StripedCounter() {
    super(INITIAL);
  }

  /** Adds a whole increment: wait-free, see the class comment. */
  public void add(long delta) {
    Thread current = Thread.currentThread();
    Table t = table(); // once: whether the thread's own stripe is compact or padded
    long[] own = ownStripe(t, current);
    if (own != null) {
      add(own, true, (t == null ? COMPACT : PADDED) + LONG_SLOT, delta);
    } else {
      addElsewhere(delta);
    }
  }

  /** A thread that owns no stripe yet, or records into a shared one. */
  private void addElsewhere(long delta) {
    long[] stripe = stripeOf(Thread.currentThread());
    if (stripe == null) {
      add(delta); // this thread has just taken the compact stripe
    } else {
      int base = baseOf(stripe);
      add(stripe, isOwned(stripe, base), base + LONG_SLOT, delta);
    }
  }

  /** Adds a fractional increment: wait-free on an owned stripe, lock-free on a shared one. */
  public void add(double delta) {
    Thread current = Thread.currentThread();
    Table t = table();
    long[] own = ownStripe(t, current);
    if (own != null) {
      addSum(own, t == null ? COMPACT : PADDED, true, delta);
      return;
    }
    long[] stripe = stripeOf(current);
    if (stripe == null) {
      add(delta); // this thread has just taken the compact stripe
    } else {
      int base = baseOf(stripe);
      addSum(stripe, base, isOwned(stripe, base), delta);
    }
  }

  /**
   * Takes everything added since the previous drain.
   *
   * <p>An add that runs concurrently is seen by this drain or by the next one, never by both and
   * never by neither.
   */
  public synchronized SumDelta drain() {
    if (readings == null) {
      readings = new StripeReadings(this);
    }
    long[] longs = {0};
    double[] doubles = {0};
    readings.drainAll((stripe, base, seen) -> {
      longs[0] += StripeReadings.take(stripe, base, seen, LONG_SLOT);
      doubles[0] += StripeReadings.takeSum(stripe, base, seen);
    });
    return new SumDelta(longs[0], doubles[0]);
  }

  /**
   * The number of stripes this counter has allocated: its compact stripe, the spill other threads
   * share, and the padded ones once the counter inflated.
   */
  public int stripesInUse() {
    return countStripes();
  }

  /**
   * The number of padded stripes (a cache line of padding on each side) this counter has
   * allocated: zero until adds to the spill contend or come often.
   */
  public int paddedStripesInUse() {
    return countPaddedStripes();
  }
}
