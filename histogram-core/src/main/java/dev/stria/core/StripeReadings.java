package dev.stria.core;

import static dev.stria.core.LongStripes.SLOT;

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
  private final long[][] last;
  private final int slots;

  StripeReadings(LongStripes stripes) {
    this.last = new long[stripes.capacity()][];
    this.slots = LongStripes.PAD + stripes.width();
  }

  /** What the collector last read from owned stripe {@code index}. */
  long[] lastOf(int index) {
    long[] seen = last[index];
    if (seen == null) {
      seen = new long[slots];
      last[index] = seen;
    }
    return seen;
  }

  /** Forgets owned stripe {@code index} once it is retired: a new owner's stripe starts at zero. */
  void forget(int index) {
    last[index] = null;
  }

  /** The growth of a long slot since the last drain; {@code seen} is null for the shared stripe. */
  static long take(long[] stripe, long[] seen, int slot) {
    if (seen == null) {
      return (long) SLOT.getAndSet(stripe, slot, 0L);
    }
    long now = (long) SLOT.getAcquire(stripe, slot);
    long delta = now - seen[slot];
    seen[slot] = now;
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
    double delta = now - Double.longBitsToDouble(seen[slot]);
    seen[slot] = Double.doubleToRawLongBits(now);
    return delta;
  }
}
