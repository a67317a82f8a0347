package dev.stria.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The stripes of a counter or explicit-bucket histogram cell, and <b>the contract of the stripe
 * protocol</b> that {@link StripeReadings} (the collector's side), {@link StripedCounter} and
 * {@link ExplicitBucketHistogram} follow. The other classes point here; this is the one place
 * that says why the protocol is correct.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Any number of writer threads record; each record touches only the stripe that {@link
 *       #forCurrentThread()} returns for the calling thread.
 *   <li>One collector at a time drains a cell (the cells serialise {@code drain} with {@code
 *       synchronized}); it may run at any moment relative to any writer.
 *   <li>Counting slots hold sums that writers only add to ({@code long} counts, and the
 *       {@code long} sum of a timer, both wrapping modulo 2^64, so a difference of two readings
 *       is exact as long as one interval adds less than 2^63 to one stripe).
 * </ul>
 *
 * <h2>Who writes which slot</h2>
 * A stripe is a padded {@code long[]}: a cache line of padding, the data slots, a cache line of
 * padding, so two stripes never share a cache line. Slot {@link #REQUEST} in the leading padding
 * is written by the collector only; every data slot is written as follows.
 * <ul>
 *   <li><b>Owned stripe</b> ({@code stripe[KIND] == OWNED}): created by the first thread whose
 *       slot in the table was empty, and written by that thread only. Ownership is decided by
 *       the {@link Thread} object ({@code owners[i] == Thread.currentThread()}), never by {@link
 *       Thread#getId()}, which a subclass may override to return another thread's id. The owner
 *       adds with a plain read and a release store ({@link #add(long[], boolean, int, long)}): no
 *       atomic instruction. The collector never writes a counting slot of an owned stripe: it
 *       reads it and subtracts its previous reading ({@link StripeReadings#take}).
 *   <li><b>Shared stripe</b> ({@code stripe[KIND] == SHARED}), one per table slot: written by
 *       every thread whose table slot is owned by another thread, with atomic adds (a
 *       compare-and-set loop for the double sum). The collector drains it by exchanging each
 *       slot with zero ({@code getAndSet}); never read-then-zero.
 *   <li><b>The double sum of an owned stripe</b> is kept in <i>frames</i>, so that a delta's sum
 *       is as precise as the sum of that interval's values alone, not rounded to the magnitude of
 *       everything the thread ever recorded. Slots {@link #FRAME}, {@link #SUM_0} and {@link
 *       #SUM_1} are the owner's; slot {@link #REQUEST} is the collector's. The owner adds to
 *       {@code SUM_(r & 1)} where {@code r} is the collector's request: when {@code r} differs
 *       from its {@code FRAME}, it first zeroes that slot and then publishes {@code FRAME = r}
 *       (release), see {@link #addSum}. The collector advances {@code REQUEST} from {@code r} to
 *       {@code r + 1} only after it has seen {@code FRAME == r} and read the final value of
 *       {@code SUM_((r - 1) & 1)}, which the owner has left for good; so the owner zeroes a slot
 *       only after the collector has taken all of it. Hence {@code FRAME} is always {@code
 *       REQUEST} or {@code REQUEST - 1}, and each value is taken once ({@link
 *       StripeReadings#takeSum}).
 * </ul>
 *
 * <h2>Which read sees which write</h2>
 * <ul>
 *   <li>A stripe is published by a compare-and-set of its table slot (release) and loaded with
 *       acquire, so a reader sees its initial values.
 *   <li>A record writes its sums, min and max <i>before</i> its bucket count (the count's store
 *       is a release, or an atomic), and the collector reads the counts <i>before</i> the sums,
 *       min and max (acquire loads, or atomics). So when a drain takes a recording's count it
 *       also takes its sum, min and max. The converse does not hold: a recording racing a drain
 *       may leave its sum in this drain and its count in the next one; totals over successive
 *       drains are exact, and a delta whose min or max raced is reported as unknown.
 *   <li>The owner's zeroing of a sum slot is ordered before its release store of {@code FRAME};
 *       the collector loads {@code FRAME} with acquire before it reads the sum slots, so seeing
 *       the new frame means seeing the zeroed slot (or a later value).
 *   <li>The collector reads the final value of a sum slot before its release store of the next
 *       {@code REQUEST}; the owner loads {@code REQUEST} with acquire before it zeroes that slot.
 *   <li>An owner's termination happens-before {@link Thread#isAlive()} returns false, so a drain
 *       that starts after {@link #ownerEnded} answered true sees every write of the owner, after
 *       which the collector {@link #retire}s the stripe and a new thread may own the table slot.
 * </ul>
 *
 * <h2>Progress</h2>
 * Every count is <b>wait-free</b>: on an owned stripe a bounded sequence of plain loads and
 * stores, on a shared one an atomic add. The double sum is wait-free on an owned stripe and
 * <b>lock-free</b> on a shared one (a compare-and-set retried only when another thread wrote the
 * same slot in between). Min and max are read-compare, and a compare-and-set loop only on a new
 * extreme (lock-free). {@link #forCurrentThread()} allocates and publishes a stripe at most once
 * per thread and slot. A drain never makes a writer wait, and never waits for one.
 *
 * <h2>Exponential histograms</h2>
 * {@link ExponentialHistogram} follows the same protocol with stripes of its own ({@link
 * OwnedExponentialStripe}, {@link ExponentialStripe}): its scalars use this layout (frame, double
 * sum, then its own slots), and an owner's bucket counts live in windows that the owner alone
 * grows by copying, so that "count now minus count last read" stays right in whichever window the
 * collector reads.
 */
final class LongStripes {
  /** Unused longs on each side of the data slots: 64 bytes, one cache line. */
  static final int PAD = 8;

  /** Where a stripe says whether it is owned or shared, inside the leading padding. */
  static final int KIND = PAD - 1;

  /** The collector's frame request for the owner's double sum, inside the leading padding. */
  static final int REQUEST = PAD - 2;

  /** The frame the owner's double sum is in: the first data slot. */
  static final int FRAME = PAD;

  /** The double sum's two frame slots (raw bits); a shared stripe uses only {@code SUM_0}. */
  static final int SUM_0 = PAD + 1;

  static final int SUM_1 = PAD + 2;

  /** The first slot a cell lays out for itself, after the frame and the double sum. */
  static final int FIRST_CELL_SLOT = PAD + 3;

  static final long OWNED = 1;
  static final long SHARED = -1;

  /** Access to a stripe's slots. */
  static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private static final VarHandle TABLE = MethodHandles.arrayElementVarHandle(long[][].class);
  private static final VarHandle OWNERS = MethodHandles.arrayElementVarHandle(Thread[].class);

  private final long[][] table;
  /** The thread owning each stripe: ownership is checked against it on every record. */
  private final Thread[] owners;
  private final int shift;
  private final long[] initial;
  /** Per slot, the stripe of the threads that map to the slot but do not own it. */
  private final long[][] shared;

  /**
   * @param cellSlots the initial value of each of the cell's own slots (its length is their
   *     number); for slots such as a minimum that start at {@code +Inf}
   */
  LongStripes(long[] cellSlots) {
    int count = ThreadStripe.stripeCount();
    this.table = new long[count][];
    this.owners = new Thread[count];
    this.shared = new long[count][];
    this.shift = 32 - Integer.numberOfTrailingZeros(count);
    this.initial = new long[FIRST_CELL_SLOT - PAD + cellSlots.length];
    System.arraycopy(cellSlots, 0, initial, FIRST_CELL_SLOT - PAD, cellSlots.length);
  }

  /** Stripes whose cell slots start at zero. */
  static LongStripes zeroed(int cellSlots) {
    return new LongStripes(new long[cellSlots]);
  }

  /**
   * The stripe the current thread records into: its own (plain writes), or its table slot's
   * shared one (atomic writes); {@link #isOwned} tells which.
   */
  long[] forCurrentThread() {
    Thread current = Thread.currentThread();
    int index = ThreadStripe.hash(current.getId()) >>> shift;
    long[] stripe = (long[]) TABLE.getAcquire(table, index);
    if (stripe != null && OWNERS.getAcquire(owners, index) == current) {
      return stripe;
    }
    return stripe == null ? create(index, current) : shared(index);
  }

  /** Whether {@code stripe} is owned by one thread (true) or shared (false). */
  static boolean isOwned(long[] stripe) {
    return stripe[KIND] == OWNED;
  }

  private long[] create(int index, Thread owner) {
    long[] fresh = newStripe(OWNED);
    long[] witness = (long[]) TABLE.compareAndExchangeRelease(table, index, null, fresh);
    if (witness != null) {
      return shared(index);
    }
    // Until this store a thread that loads the stripe finds no owner and uses the shared one;
    // the owner itself reads its own store. The owner is set only by the thread that won the
    // slot, and cleared only by the collector after the owner ended (see retire).
    OWNERS.setRelease(owners, index, owner);
    return fresh;
  }

  /**
   * Whether the owner of stripe {@code index} has ended. Its termination happens-before this
   * answer, so a drain that starts after a true answer sees every write the owner made, and no
   * thread writes the stripe any more: the collector drains it one last time and then {@link
   * #retire}s it.
   */
  boolean ownerEnded(int index) {
    Thread owner = (Thread) OWNERS.getAcquire(owners, index);
    return owner != null && !owner.isAlive();
  }

  /**
   * Takes the ended owner's {@code stripe} out of slot {@code index}, so that a new thread can own
   * the slot instead of recording into the shared stripe: thread pools that replace their threads
   * keep single-writer stripes. Collector only, after its last drain of the stripe.
   */
  void retire(int index, long[] stripe) {
    // Owner first: a new thread that wins the emptied slot must never be taken for the dead one
    // (the collector would retire the new thread's stripe while it still writes it).
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

  private long[] newStripe(long kind) {
    long[] fresh = new long[PAD + initial.length + PAD];
    fresh[KIND] = kind;
    System.arraycopy(initial, 0, fresh, PAD, initial.length);
    return fresh;
  }

  /** The number of owned stripe slots; {@link #stripe(int)} is null for slots never used. */
  int capacity() {
    return table.length;
  }

  /** The owned stripe in slot {@code index}, or null if no thread has used it yet. */
  long[] stripe(int index) {
    return (long[]) TABLE.getAcquire(table, index);
  }

  /** The shared stripe of slot {@code index}, or null if no thread has needed it yet. */
  long[] sharedStripe(int index) {
    return (long[]) TABLE.getAcquire(shared, index);
  }

  /** The number of data slots per stripe (frame and double sum included). */
  int width() {
    return initial.length;
  }

  /** The number of stripes in use (owned and shared), for memory accounting. */
  int stripesInUse() {
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
      SLOT.setRelease(stripe, slot, stripe[slot] + delta); // StoreStore: earlier slots first
    } else {
      SLOT.getAndAdd(stripe, slot, delta);
    }
  }

  /**
   * Adds {@code delta} to the stripe's double sum: on an owned stripe into the frame the
   * collector asked for (see the class comment), on a shared stripe by compare-and-set.
   */
  static void addSum(long[] stripe, boolean owned, double delta) {
    if (!owned) {
      DoubleBits.add(stripe, SUM_0, delta);
      return;
    }
    long request = (long) SLOT.getAcquire(stripe, REQUEST); // LoadLoad/LoadStore: see class doc
    int slot = SUM_0 + (int) (request & 1);
    if (request != stripe[FRAME]) {
      enterFrame(stripe, request, slot);
    }
    SLOT.setRelease(
        stripe, slot, Double.doubleToRawLongBits(Double.longBitsToDouble(stripe[slot]) + delta));
  }

  /** Out of line: once per collection at most. The zero is visible before the new frame. */
  private static void enterFrame(long[] stripe, long request, int slot) {
    SLOT.setOpaque(stripe, slot, 0L);
    SLOT.setRelease(stripe, FRAME, request);
  }
}
