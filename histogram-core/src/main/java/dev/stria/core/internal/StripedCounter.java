package dev.stria.core.internal;

/**
 * A striped sum of {@code long} and {@code double} increments, for counters and up-down counters.
 *
 * <ul>
 *   <li>{@link #add(long)} is <b>wait-free</b>: on the thread's own stripe (the common case) a
 *       plain add published with a release store, no atomic instruction; on the shared stripe
 *       (when another thread owns the thread's slot, see {@link LongStripes}) one atomic add
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
 * <p>The protocol and why it is correct: {@link LongStripes}.
 */
public final class StripedCounter {
  private static final int LONG_SLOT = LongStripes.FIRST_CELL_SLOT;

  private final LongStripes stripes = LongStripes.zeroed(1);
  private final StripeReadings readings = new StripeReadings(stripes);

  /** Adds a whole increment: wait-free, see the class comment. */
  public void add(long delta) {
    long[] stripe = stripes.forCurrentThread();
    LongStripes.add(stripe, LongStripes.isOwned(stripe), LONG_SLOT, delta);
  }

  /** Adds a fractional increment: wait-free on an owned stripe, lock-free on a shared one. */
  public void add(double delta) {
    long[] stripe = stripes.forCurrentThread();
    LongStripes.addSum(stripe, LongStripes.isOwned(stripe), delta);
  }

  /**
   * Takes everything added since the previous drain.
   *
   * <p>An add that runs concurrently is seen by this drain or by the next one, never by both and
   * never by neither.
   */
  public synchronized SumDelta drain() {
    long[] longs = {0};
    double[] doubles = {0};
    readings.drainAll((stripe, seen) -> {
      longs[0] += StripeReadings.take(stripe, seen, LONG_SLOT);
      doubles[0] += StripeReadings.takeSum(stripe, seen);
    });
    return new SumDelta(longs[0], doubles[0]);
  }

  /** The number of stripes this counter has allocated (one per thread that mapped to a new one). */
  public int stripesInUse() {
    return stripes.stripesInUse();
  }
}
