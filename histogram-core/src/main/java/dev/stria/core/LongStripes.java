package dev.stria.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A lazily grown set of padded {@code long[]} stripes, one chosen per thread, that the striped
 * cells update with atomic instructions through {@link #SLOT}.
 *
 * <p>Memory: the table of stripe references is allocated up front ({@link
 * ThreadStripe#stripeCount()} references), a stripe only when a thread that maps to it first
 * records. A series written by one thread holds one stripe.
 *
 * <p>Layout of a stripe: {@link #PAD} unused longs, {@code width} data slots starting at index
 * {@link #PAD}, then {@link #PAD} unused longs. With the array header in front, the data slots
 * share no 64-byte cache line with another object, so two threads on two stripes never contend
 * on one line (false sharing).
 *
 * <p>Concurrency: a stripe is published with a compare-and-set of its table slot; a thread that
 * loses the race uses the winner's stripe. {@link #forCurrentThread()} is wait-free: at most one
 * allocation and one CAS, once per stripe in the life of the cell. Readers see a stripe either
 * not yet published (nothing recorded in it) or fully initialised.
 */
public final class LongStripes {
  /** Unused longs on each side of the data slots: 64 bytes, one cache line. */
  public static final int PAD = 8;

  /** Atomic access to a stripe's slots: {@code SLOT.getAndAdd(stripe, PAD + i, delta)}. */
  public static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private static final VarHandle TABLE = MethodHandles.arrayElementVarHandle(long[][].class);

  private final long[][] table;
  private final int shift;
  private final long[] initial;

  /**
   * @param initial the value of each data slot in a new stripe (its length is the width); used
   *     for slots such as a minimum that start at {@code +Inf}
   */
  public LongStripes(long[] initial) {
    int count = ThreadStripe.stripeCount();
    this.table = new long[count][];
    this.shift = 32 - Integer.numberOfTrailingZeros(count);
    this.initial = initial.clone();
  }

  /** A set of stripes whose data slots start at zero. */
  public static LongStripes zeroed(int width) {
    return new LongStripes(new long[width]);
  }

  /** The current thread's stripe, created on its first use. */
  public long[] forCurrentThread() {
    int index = ThreadStripe.hash() >>> shift;
    long[] stripe = (long[]) TABLE.getAcquire(table, index);
    return stripe != null ? stripe : create(index);
  }

  private long[] create(int index) {
    long[] fresh = new long[PAD + initial.length + PAD];
    System.arraycopy(initial, 0, fresh, PAD, initial.length);
    long[] witness = (long[]) TABLE.compareAndExchangeRelease(table, index, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** The number of stripe slots; {@link #stripe(int)} is null for slots never used. */
  public int capacity() {
    return table.length;
  }

  /** The stripe in slot {@code index}, or null if no thread has used it yet. */
  public long[] stripe(int index) {
    return (long[]) TABLE.getAcquire(table, index);
  }

  /** The number of data slots per stripe. */
  public int width() {
    return initial.length;
  }

  /** The number of stripes in use, for memory accounting in tests and benchmarks. */
  public int stripesInUse() {
    int used = 0;
    for (int i = 0; i < table.length; i++) {
      if (stripe(i) != null) {
        used++;
      }
    }
    return used;
  }
}
