package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.PAD;

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
 *       exactly one drain, whatever the writers do meanwhile. Drains are serialised on the
 *       counter and never make a writer wait.
 * </ul>
 *
 * The counter does not check signs: monotonic counters reject negative increments in the API.
 */
public final class StripedCounter {
  private static final int LONG_SLOT = PAD;
  private static final int DOUBLE_SLOT = PAD + 1;

  private final LongStripes stripes = LongStripes.zeroed(2);
  private final StripeReadings readings = new StripeReadings(stripes);

  /** Adds a whole {@code delta} to the calling thread's stripe. */
  public void add(long delta) {
    long[] stripe = stripes.forCurrentThread();
    LongStripes.add(stripe, LongStripes.isOwned(stripe), LONG_SLOT, delta);
  }

  /** Adds a fractional {@code delta} to the calling thread's stripe. */
  public void add(double delta) {
    long[] stripe = stripes.forCurrentThread();
    LongStripes.add(stripe, LongStripes.isOwned(stripe), DOUBLE_SLOT, delta);
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
      doubles[0] += StripeReadings.takeDouble(stripe, seen, DOUBLE_SLOT);
    });
    return new SumDelta(longs[0], doubles[0]);
  }

  /** The number of stripes this counter has allocated (one per thread that mapped to a new one). */
  public int stripesInUse() {
    return stripes.stripesInUse();
  }
}
