package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.SLOT;

/**
 * The collector's side of {@link LongStripes}: turns stripe slots into "what was added since the
 * last drain".
 *
 * <p>An owned stripe's counting slots only grow and only their owner writes them, so the delta is
 * the value read now minus the value read last time; this class keeps the last values, one array
 * per owned stripe. The shared stripe is written atomically by any thread, so its slots are
 * exchanged with zero instead ({@code getAndSet}, never read-then-zero). Either way each addition
 * is taken by exactly one drain.
 *
 * <p>Not thread-safe: the cell serialises its drains.
 */
final class StripeReadings {
  /** Takes one stripe's growth; {@code seen} is null for a shared stripe (see {@link #take}). */
  @FunctionalInterface
  interface StripeDrain {
    void drain(long[] stripe, long[] seen);
  }

  private final LongStripes stripes;
  private final long[][] last;
  /** Data slots per stripe: {@code seen[i]} is the last reading of the stripe's slot PAD + i. */
  private final int slots;

  StripeReadings(LongStripes stripes) {
    this.stripes = stripes;
    this.last = new long[stripes.capacity()][];
    this.slots = stripes.width();
  }

  /**
   * Hands every stripe in use to {@code drain}: each owned stripe with what was last read of it,
   * then each shared stripe. The owner of a stripe is checked <i>before</i> its drain, so a stripe
   * whose owner had ended is drained completely and then retired (see {@link LongStripes}).
   */
  void drainAll(StripeDrain drain) {
    for (int i = 0; i < stripes.capacity(); i++) {
      long[] stripe = stripes.stripe(i);
      if (stripe != null) {
        boolean ended = stripes.ownerEnded(i);
        drain.drain(stripe, lastOf(i));
        if (ended) {
          stripes.retire(i, stripe);
          last[i] = null; // a new owner's stripe starts at zero
        }
      }
    }
    for (int i = 0; i < stripes.capacity(); i++) {
      long[] shared = stripes.sharedStripe(i);
      if (shared != null) {
        drain.drain(shared, null);
      }
    }
  }

  /** What the collector last read from owned stripe {@code index}. */
  private long[] lastOf(int index) {
    long[] seen = last[index];
    if (seen == null) {
      seen = new long[slots];
      last[index] = seen;
    }
    return seen;
  }

  /** The growth of a long slot since the last drain; {@code seen} is null for the shared stripe. */
  static long take(long[] stripe, long[] seen, int slot) {
    if (seen == null) {
      return (long) SLOT.getAndSet(stripe, slot, 0L);
    }
    long now = (long) SLOT.getAcquire(stripe, slot);
    int i = slot - LongStripes.PAD;
    long delta = now - seen[i];
    seen[i] = now;
    return delta;
  }

  /**
   * The growth of a double slot (raw bits) since the last drain. For an owned stripe it is the
   * difference of two running totals, so it carries the rounding of the total's magnitude; the
   * shared stripe's exchange returns the exact sum since the last drain.
   */
  static double takeDouble(long[] stripe, long[] seen, int slot) {
    if (seen == null) {
      return Double.longBitsToDouble((long) SLOT.getAndSet(stripe, slot, 0L));
    }
    double now = Double.longBitsToDouble((long) SLOT.getAcquire(stripe, slot));
    int i = slot - LongStripes.PAD;
    double delta = now - Double.longBitsToDouble(seen[i]);
    seen[i] = Double.doubleToRawLongBits(now);
    return delta;
  }
}
