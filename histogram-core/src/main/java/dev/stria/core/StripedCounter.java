package dev.stria.core;

import static dev.stria.core.LongStripes.PAD;
import static dev.stria.core.LongStripes.SLOT;

/**
 * A striped sum of {@code long} and {@code double} increments, for counters and up-down counters.
 *
 * <ul>
 *   <li>{@link #add(long)} is <b>wait-free</b>: one atomic add ({@code LOCK XADD} on x86-64) on the
 *       current thread's stripe.
 *   <li>{@link #add(double)} is <b>lock-free</b>: a compare-and-set loop on the stripe's double
 *       slot, retried only when another thread wrote the same stripe in between. Integral
 *       increments should use {@link #add(long)}.
 *   <li>{@link #drain()} exchanges every stripe's slots with zero ({@code getAndSet}), so each
 *       increment is returned by exactly one drain, whatever the writers do meanwhile. It never
 *       makes a writer wait.
 * </ul>
 *
 * The counter does not check signs: monotonic counters reject negative increments in the API.
 */
public final class StripedCounter {
  private static final int LONG_SLOT = PAD;
  private static final int DOUBLE_SLOT = PAD + 1;

  private final LongStripes stripes = LongStripes.zeroed(2);

  public void add(long delta) {
    SLOT.getAndAdd(stripes.forCurrentThread(), LONG_SLOT, delta);
  }

  public void add(double delta) {
    DoubleBits.add(SLOT, stripes.forCurrentThread(), DOUBLE_SLOT, delta);
  }

  /**
   * Takes everything added since the previous drain and leaves zero behind.
   *
   * <p>An add that runs concurrently is seen by this drain or by the next one, never by both and
   * never by neither. Only one thread should drain a counter at a time (the registry's collection
   * path serialises drains per series); concurrent drains stay exact but split the increments
   * between them.
   */
  public SumDelta drain() {
    long longs = 0;
    double doubles = 0;
    for (int i = 0; i < stripes.capacity(); i++) {
      long[] stripe = stripes.stripe(i);
      if (stripe != null) {
        longs += (long) SLOT.getAndSet(stripe, LONG_SLOT, 0L);
        doubles += DoubleBits.exchange(SLOT, stripe, DOUBLE_SLOT, 0L);
      }
    }
    return new SumDelta(longs, doubles);
  }

  /** The sum since the last drain, without resetting (a racy but exact-per-stripe read). */
  public double peek() {
    long longs = 0;
    double doubles = 0;
    for (int i = 0; i < stripes.capacity(); i++) {
      long[] stripe = stripes.stripe(i);
      if (stripe != null) {
        longs += (long) SLOT.getVolatile(stripe, LONG_SLOT);
        doubles += Double.longBitsToDouble((long) SLOT.getVolatile(stripe, DOUBLE_SLOT));
      }
    }
    return longs + doubles;
  }

  /** The number of stripes this counter has allocated (one per thread that mapped to a new one). */
  public int stripesInUse() {
    return stripes.stripesInUse();
  }
}
