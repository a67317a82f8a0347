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
   * What the stripe's double sum grew by since the last drain. A shared stripe's sum is exchanged
   * with zero. An owned stripe's sum is in frames ({@link LongStripes}, "who writes which slot"):
   * while the owner is still in the previous frame, the growth of that frame's slot; once the
   * owner has entered the requested frame, the rest of the previous frame (final now) plus the
   * requested frame's slot, and the request moves on to the next frame. Each value is thus taken
   * once, from a running sum that started at most two drains ago, so a delta's sum keeps the
   * precision of that interval's values, whatever the thread recorded before.
   */
  static double takeSum(long[] stripe, long[] seen) {
    if (seen == null) {
      return Double.longBitsToDouble((long) SLOT.getAndSet(stripe, LongStripes.SUM_0, 0L));
    }
    long request = stripe[LongStripes.REQUEST]; // written by collectors only, serialised
    int current = LongStripes.SUM_0 + (int) (request & 1);
    int previous = LongStripes.SUM_0 + (int) ((request + 1) & 1);
    long frame = (long) SLOT.getAcquire(stripe, LongStripes.FRAME);
    if (frame != request) {
      return growth(stripe, seen, previous); // the owner still adds to the previous frame
    }
    double sum = growth(stripe, seen, previous) + growth(stripe, seen, current);
    // The owner zeroes the previous slot when it enters the next frame; it starts from zero.
    seen[previous - LongStripes.PAD] = 0L;
    SLOT.setRelease(stripe, LongStripes.REQUEST, request + 1); // after the final read above
    return sum;
  }

  private static double growth(long[] stripe, long[] seen, int slot) {
    double now = Double.longBitsToDouble((long) SLOT.getAcquire(stripe, slot));
    int i = slot - LongStripes.PAD;
    double delta = now - Double.longBitsToDouble(seen[i]);
    seen[i] = Double.doubleToRawLongBits(now);
    return delta;
  }
}
