package dev.stria.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A lazily grown set of padded {@code long[]} stripes, each owned by the thread that created it,
 * plus shared stripes for threads that find their slot owned by another thread.
 *
 * <p><b>Single writer where possible.</b> A thread's slot in the table is chosen from its id
 * ({@link ThreadStripe}). The first thread to record in a slot creates its stripe and owns it:
 * only that thread ever writes the stripe's data slots, so it updates them with plain
 * read-add-store-release sequences — no atomic instruction, no lock prefix. The collector never
 * writes an owned stripe's counting slots; it reads them (they only grow) and subtracts what it
 * read last time ({@link StripeReadings}). A thread whose slot belongs to another thread records
 * into the slot's shared stripe instead, with atomic adds, and the collector drains shared
 * stripes by exchanging their slots with zero ({@code getAndSet}); the shared stripes are chosen
 * by the same hash, so threads beyond the owners still spread over several cache lines. Thread
 * ids are never reused, so an owned stripe is never written by two threads. When an owner ends,
 * the collector drains its stripe one last time and retires it ({@link #ownerEnded}, {@link
 * #retire}), so a thread pool that replaces its threads keeps getting stripes of its own instead
 * of filling the shared ones.
 *
 * <p>Memory: the table of stripe references is allocated up front ({@link
 * ThreadStripe#stripeCount()} references), a stripe only when a thread records. A series written
 * by one thread holds one stripe.
 *
 * <p>Layout of a stripe: {@link #PAD} longs whose last one ({@link #OWNER}) holds the owner's
 * thread id (or {@link #SHARED}), {@code width} data slots starting at {@link #PAD}, then {@link
 * #PAD} unused longs. With the array header in front, the data slots share no 64-byte cache line
 * with another object, so two threads never contend on one line (false sharing).
 *
 * <p>Concurrency: a stripe is published with a compare-and-set of its table slot; a thread that
 * loses the race records into the shared stripe of the slot. {@link #forCurrentThread()} is
 * wait-free: at most one allocation and one CAS, once per stripe in the life of the cell.
 */
public final class LongStripes {
  /** Unused longs on each side of the data slots: 64 bytes, one cache line. */
  public static final int PAD = 8;

  /** Where a stripe keeps its owner's thread id, inside the leading padding. */
  public static final int OWNER = PAD - 1;

  /** The owner mark of a shared stripe, which every writer updates atomically. */
  public static final long SHARED = -1;

  /** Access to a stripe's slots: {@code SLOT.getAndAdd(stripe, PAD + i, delta)}. */
  public static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private static final VarHandle TABLE = MethodHandles.arrayElementVarHandle(long[][].class);
  private static final VarHandle OWNERS = MethodHandles.arrayElementVarHandle(Thread[].class);

  private final long[][] table;
  /** The thread owning each stripe, so a collector can retire the stripes of ended threads. */
  private final Thread[] owners;
  private final int shift;
  private final long[] initial;
  /** Per slot, the stripe of the threads that map to the slot but do not own it. */
  private final long[][] shared;

  /**
   * @param initial the value of each data slot in a new stripe (its length is the width); used
   *     for slots such as a minimum that start at {@code +Inf}
   */
  public LongStripes(long[] initial) {
    int count = ThreadStripe.stripeCount();
    this.table = new long[count][];
    this.owners = new Thread[count];
    this.shared = new long[count][];
    this.shift = 32 - Integer.numberOfTrailingZeros(count);
    this.initial = initial.clone();
  }

  /** A set of stripes whose data slots start at zero. */
  public static LongStripes zeroed(int width) {
    return new LongStripes(new long[width]);
  }

  /**
   * The stripe the current thread records into: its own ({@code stripe[OWNER]} is its id; plain
   * writes), or its slot's shared one ({@code stripe[OWNER] == SHARED}; atomic writes).
   */
  public long[] forCurrentThread() {
    long id = Thread.currentThread().getId();
    int index = ThreadStripe.hash(id) >>> shift;
    long[] stripe = (long[]) TABLE.getAcquire(table, index);
    if (stripe != null && stripe[OWNER] == id) {
      return stripe;
    }
    return stripe == null ? create(index, id) : shared(index);
  }

  /** Whether {@code stripe} is owned by one thread (true) or shared (false). */
  public static boolean isOwned(long[] stripe) {
    return stripe[OWNER] != SHARED;
  }

  private long[] create(int index, long owner) {
    long[] fresh = newStripe(owner);
    long[] witness = (long[]) TABLE.compareAndExchangeRelease(table, index, null, fresh);
    if (witness != null) {
      return shared(index);
    }
    OWNERS.setRelease(owners, index, Thread.currentThread());
    return fresh;
  }

  /**
   * Whether the owner of stripe {@code index} has ended. Its termination happens-before this
   * answer, so a drain that starts after a true answer sees every write the owner made, and no
   * thread writes the stripe any more: the collector drains it one last time and then {@link
   * #retire}s it.
   */
  public boolean ownerEnded(int index) {
    Thread owner = (Thread) OWNERS.getAcquire(owners, index);
    return owner != null && !owner.isAlive();
  }

  /**
   * Takes the ended owner's {@code stripe} out of slot {@code index}, so that a new thread can own
   * the slot instead of recording into the shared stripe: thread pools that replace their threads
   * keep single-writer stripes. Collector only, after its last drain of the stripe.
   */
  public void retire(int index, long[] stripe) {
    OWNERS.setRelease(owners, index, null);
    TABLE.compareAndSet(table, index, stripe, null);
  }

  private long[] shared(int index) {
    long[] current = (long[]) TABLE.getAcquire(shared, index);
    if (current != null) {
      return current;
    }
    long[] fresh = newStripe(SHARED);
    long[] witness = (long[]) TABLE.compareAndExchangeRelease(shared, index, null, fresh);
    return witness == null ? fresh : witness;
  }

  private long[] newStripe(long owner) {
    long[] fresh = new long[PAD + initial.length + PAD];
    fresh[OWNER] = owner;
    System.arraycopy(initial, 0, fresh, PAD, initial.length);
    return fresh;
  }

  /** The number of owned stripe slots; {@link #stripe(int)} is null for slots never used. */
  public int capacity() {
    return table.length;
  }

  /** The owned stripe in slot {@code index}, or null if no thread has used it yet. */
  public long[] stripe(int index) {
    return (long[]) TABLE.getAcquire(table, index);
  }

  /** The shared stripe of slot {@code index}, or null if no thread has needed it yet. */
  public long[] sharedStripe(int index) {
    return (long[]) TABLE.getAcquire(shared, index);
  }

  /** The number of data slots per stripe. */
  public int width() {
    return initial.length;
  }

  /** The number of stripes in use (owned and shared), for memory accounting. */
  public int stripesInUse() {
    int used = 0;
    for (int i = 0; i < table.length; i++) {
      used += (stripe(i) == null ? 0 : 1) + (sharedStripe(i) == null ? 0 : 1);
    }
    return used;
  }

  /**
   * Adds {@code delta} to a counting slot. On an owned stripe ({@code owned}, from {@link
   * #isOwned}) a plain read and a release store, safe because only the owner writes the slot and
   * the collector only reads it; on a shared stripe one atomic add.
   */
  static void add(long[] stripe, boolean owned, int slot, long delta) {
    if (owned) {
      SLOT.setRelease(stripe, slot, stripe[slot] + delta);
    } else {
      SLOT.getAndAdd(stripe, slot, delta);
    }
  }

  /**
   * Adds {@code delta} to a double counting slot (raw bits): as {@link #add(long[], boolean, int,
   * long)} on an owned stripe, a compare-and-set loop on a shared one.
   */
  static void add(long[] stripe, boolean owned, int slot, double delta) {
    if (owned) {
      SLOT.setRelease(
          stripe, slot, Double.doubleToRawLongBits(Double.longBitsToDouble(stripe[slot]) + delta));
    } else {
      DoubleBits.add(stripe, slot, delta);
    }
  }
}
