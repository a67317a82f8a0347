package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.FRAME;
import static dev.stria.core.internal.LongStripes.REQUEST;
import static dev.stria.core.internal.LongStripes.SLOT;
import static dev.stria.core.internal.LongStripes.SUM_0;

/**
 * The collector's side of {@link LongStripes}: turns stripe slots into "what was added since the
 * last drain".
 *
 * <p>An owned stripe's counting slots only grow and only their owner writes them, so the delta is
 * the value read now minus the value read last time; this class keeps the last values, one array
 * per owned stripe, allocated on the stripe's first drain. A shared stripe (the compact spill or a
 * table slot's padded one) is written atomically by any thread, so its slots are exchanged with
 * zero instead ({@code getAndSet},
 * never read-then-zero). Either way each addition is taken by exactly one drain.
 *
 * <p>Not thread-safe: the cell serialises its drains, and creates this on its first drain.
 */
final class StripeReadings {
  /**
   * Takes one stripe's growth: the stripe, the base its relative slots are at ({@link
   * LongStripes#COMPACT} or {@link LongStripes#PADDED}), and what was last read of it, or null
   * for a shared stripe (see {@link #take}).
   */
  @FunctionalInterface
  interface StripeDrain {
    void drain(long[] stripe, int base, long[] seen);
  }

  private final LongStripes stripes;
  /** The last reading of the compact stripe: {@code seen[i]} is its slot FRAME + i. */
  private long[] compactSeen;
  /** The same per owned padded stripe; allocated with the first drain that finds the table. */
  private long[][] last;

  StripeReadings(LongStripes stripes) {
    this.stripes = stripes;
  }

  /**
   * Hands every stripe in use to {@code drain}: the compact stripe with what was last read of it,
   * the compact shared stripe (the spill), each owned padded stripe with what was last read of
   * it, then each shared padded stripe. The owner of a stripe is checked
   * <i>before</i> its drain, so a stripe whose owner had ended is drained completely and then
   * retired (see {@link LongStripes}).
   */
  void drainAll(StripeDrain drain) {
    long[] compact = stripes.compactStripe();
    if (compact != null) {
      boolean ended = stripes.compactOwnerEnded();
      if (compactSeen == null) {
        compactSeen = new long[stripes.width()];
      }
      drain.drain(compact, LongStripes.COMPACT, compactSeen);
      if (ended) {
        stripes.retireCompact(compact);
        compactSeen = null; // a new owner's stripe starts at zero
      }
    }
    long[] spill = stripes.spillStripe();
    if (spill != null) { // drained for good, even after inflation: a late record may land in it
      drain.drain(spill, LongStripes.COMPACT, null);
    }
    LongStripes.Table table = stripes.table();
    if (table == null) {
      return;
    }
    if (last == null) {
      last = new long[table.stripes.length][];
    }
    for (int i = 0; i < table.stripes.length; i++) {
      long[] stripe = LongStripes.stripe(table, i);
      if (stripe != null) {
        boolean ended = LongStripes.ownerEnded(table, i);
        drain.drain(stripe, LongStripes.PADDED, lastOf(i));
        if (ended) {
          stripes.retire(table, i, stripe);
          last[i] = null; // a new owner's stripe starts at zero
        }
      }
    }
    for (int i = 0; i < table.shared.length; i++) {
      long[] shared = LongStripes.sharedStripe(table, i);
      if (shared != null) {
        drain.drain(shared, LongStripes.PADDED, null);
      }
    }
  }

  /** What the collector last read from owned padded stripe {@code index}. */
  private long[] lastOf(int index) {
    long[] seen = last[index];
    if (seen == null) {
      seen = new long[stripes.width()];
      last[index] = seen;
    }
    return seen;
  }

  /**
   * The growth of the long slot {@code slot} (relative to {@code base}) since the last drain;
   * {@code seen} is null for the shared stripe.
   */
  static long take(long[] stripe, int base, long[] seen, int slot) {
    if (seen == null) {
      return (long) SLOT.getAndSet(stripe, base + slot, 0L);
    }
    long now = (long) SLOT.getAcquire(stripe, base + slot);
    int i = slot - FRAME;
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
   * precision of that interval's values, whatever the thread recorded before. An owner that
   * stopped writing the stripe (it moved to a padded one) stays in its frame for good, and each
   * drain takes that frame slot's growth, zero once the last write was taken.
   */
  static double takeSum(long[] stripe, int base, long[] seen) {
    if (seen == null) {
      return Double.longBitsToDouble((long) SLOT.getAndSet(stripe, base + SUM_0, 0L));
    }
    long request = stripe[base + REQUEST]; // written by collectors only, serialised
    int current = SUM_0 + (int) (request & 1);
    int previous = SUM_0 + (int) ((request + 1) & 1);
    long frame = (long) SLOT.getAcquire(stripe, base + FRAME);
    if (frame != request) {
      return growth(stripe, base, seen, previous); // the owner still adds to the previous frame
    }
    double sum = growth(stripe, base, seen, previous) + growth(stripe, base, seen, current);
    // The owner zeroes the previous slot when it enters the next frame; it starts from zero.
    seen[previous - FRAME] = 0L;
    SLOT.setRelease(stripe, base + REQUEST, request + 1); // after the final read above
    return sum;
  }

  private static double growth(long[] stripe, int base, long[] seen, int slot) {
    double now = Double.longBitsToDouble((long) SLOT.getAcquire(stripe, base + slot));
    int i = slot - FRAME;
    double delta = now - Double.longBitsToDouble(seen[i]);
    seen[i] = Double.doubleToRawLongBits(now);
    return delta;
  }
}
