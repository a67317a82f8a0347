package dev.stria.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The stripes of a counter or explicit-bucket histogram cell (the cells extend this class), and
 * <b>the contract of the stripe protocol</b> that {@link StripeReadings} (the collector's side),
 * {@link StripedCounter} and {@link ExplicitBucketHistogram} follow. The other classes point here;
 * this is the one place that says why the protocol is correct.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>Any number of writer threads record; each record touches only the one stripe that {@link
 *       #ownStripe} or {@link #stripeOf} returns for the calling thread.
 *   <li>One collector at a time drains a cell (the cells serialise {@code drain} with {@code
 *       synchronized}); it may run at any moment relative to any writer.
 *   <li>Counting slots hold sums that writers only add to ({@code long} counts, and the
 *       {@code long} sum of a timer, both wrapping modulo 2^64, so a difference of two readings
 *       is exact as long as one interval adds less than 2^63 to one stripe).
 * </ul>
 *
 * <h2>Stripes and their layout</h2>
 * A stripe is a {@code long[]} whose slots are named relative to a <i>base</i>: {@link #REQUEST},
 * {@link #KIND}, {@link #FRAME}, {@link #SUM_0}, {@link #SUM_1}, then the cell's own slots from
 * {@link #FIRST_CELL_SLOT}. There are two shapes:
 * <ul>
 *   <li>The <b>compact stripe</b> (base {@link #COMPACT}, no padding): the first stripe of every
 *       cell, taken by the first thread that records ({@code compact}, owner {@link
 *       #compactOwner}). A cell only one thread writes — most labelled series — never allocates
 *       anything else: no table, no padding. It may share a cache line with other objects; that
 *       costs nothing while one thread writes it, and it stops being written once the cell
 *       inflates (below).
 *   <li>The <b>spill</b> (base {@link #COMPACT}, {@code KIND == SHARED}): a second unpadded
 *       stripe, allocated by the first record of a thread that does not own the compact stripe
 *       (a compare-and-set from null, never unset). It is {@link
 *       java.util.concurrent.atomic.LongAdder}'s rule: non-owners share one small stripe with
 *       atomic adds until it shows contention, so a series that a few threads record into
 *       without overlapping (a pool's threads taking turns) never pays for padding or a table.
 *   <li><b>Padded stripes</b> (base {@link #PADDED}): a cache line of padding, the slots, a cache
 *       line of padding, so two stripes never share a cache line; {@code REQUEST} and {@code
 *       KIND} sit in the leading padding. They live in the {@link Table}, allocated when a
 *       platform thread finds the spill contended or hot ({@code inflate}): a compare-and-set of
 *       {@code table} from null, after which the table is never unset.
 * </ul>
 * A padded stripe's slot 1 is padding (zero) and a compact stripe's is its {@code KIND} (never
 * zero): {@link #baseOf} tells the two shapes apart.
 *
 * <h2>When the cell inflates</h2>
 * Before the table exists, a platform thread's record into the spill first counts itself in the
 * spill's {@code REQUEST} slot (unused by shared stripes) with <i>one</i> compare-and-set, never
 * retried. A failed compare-and-set means another thread counted between this thread's read and
 * its write: contention. The record is then still completed on the spill with atomic adds (it is
 * a shared stripe: correct for any number of writers) and the thread inflates, so later records
 * go to the table. A thread also inflates once {@link #SPILL_RECORDS_BEFORE_INFLATING} records
 * were counted: one hot non-owner would otherwise keep paying an atomic add, and its writes may
 * false-share with the owner's compact stripe; in the table it ends on its own padded stripe.
 * Only writers touch the count (drains neither take nor restart it), so a failed
 * compare-and-set always means two writers met. The count is over the cell's life, not per
 * interval: a drain restarting it could only fail a racing writer's compare-and-set, and a
 * collector draining often would keep a hot writer in the spill for good. Records that loaded a null table before the inflation may still land in the spill afterwards,
 * so the collector drains the spill in every drain, forever.
 *
 * <h2>Virtual threads</h2>
 * A virtual thread may own the compact stripe (a cell recorded by one long-lived virtual thread
 * stays compact and plain), but never owns a padded stripe and never inflates: when it does not
 * own the compact stripe it records into the spill, even once the table exists. Virtual threads
 * are many and short-lived; owned padded stripes would each be allocated and retired once per
 * thread, and a table's shared padded stripes stay for good. Their contention on the spill is
 * bounded by the number of carrier threads that run them at once. {@link VirtualThreads} tells
 * them apart (Java 21 API, looked up once; every thread is a platform thread on Java 17).
 *
 * <h2>Who writes which slot</h2>
 * <ul>
 *   <li><b>Owned stripe</b> ({@code KIND == OWNED}): the compact stripe, or a padded stripe
 *       created by a thread that found its home table slot (its id's hash) empty, or else the
 *       slot after it ({@link #stripeOf}); written by that thread only.
 *       Ownership is decided by the {@link Thread} object ({@code compactOwner ==
 *       Thread.currentThread()}, {@code owners[i] == Thread.currentThread()}), never by {@link
 *       Thread#getId()}, which a subclass may override to return another thread's id (the id only
 *       picks the table slots). The owner adds with a plain read and a release store ({@link
 *       #add(long[], boolean, int, long)}): no atomic instruction. The collector never writes a
 *       counting slot of an owned stripe: it reads it and subtracts its previous reading ({@link
 *       StripeReadings#take}).
 *   <li><b>The compact stripe's owner moves</b> to the table once the table exists: its fast path
 *       ({@link #ownStripe}) loads {@code table} with acquire on every record and uses the
 *       compact stripe only while that is null. A record that loaded null just before another
 *       thread inflated finishes on the compact stripe; later records of the owner go to a padded
 *       stripe. The compact stripe is not emptied or copied: it stays in every drain, as any
 *       owned stripe, until its owner has ended. So the inflation needs no handshake with the
 *       owner or the collector: no slot is written by two threads, every write lands in a stripe
 *       that drains keep reading, and a drain that runs during the inflation reads the table it
 *       loads (or none), taking the padded stripes' writes now or in the next drain. Once the
 *       owner has moved, nobody writes the compact stripe, so the cell's fields, read by every
 *       writer, never share a written cache line with it.
 *   <li><b>Shared stripes</b> ({@code KIND == SHARED}): the spill, and one padded stripe per table
 *       slot, written by every thread whose home slot and the slot after it are owned by other
 *       threads. Writers use
 *       atomic adds (a compare-and-set loop for the double sum). The collector drains them by
 *       exchanging each slot with zero ({@code getAndSet}); never read-then-zero. The spill's
 *       {@code REQUEST} slot is its record count (above), not a counting slot: drains do not
 *       take it.
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
 *       StripeReadings#takeSum}). A compact stripe whose owner moved stays in its last frame; the
 *       collector then takes that frame slot's growth, and never advances the request again.
 * </ul>
 *
 * <h2>Which read sees which write</h2>
 * <ul>
 *   <li>A stripe (and the table) is published by a compare-and-set (release) and loaded with
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
 *       that starts after {@link #ownerEnded} or {@link #compactOwnerEnded} answered true sees
 *       every write of the owner, after which the collector retires the stripe (owner cleared
 *       first, then the stripe) and a new thread may own the table slot, or take a fresh compact
 *       stripe if the cell never inflated. A thread that finds the compact stripe held, by a live
 *       or a not yet retired ended owner, records into the spill instead: it never writes that
 *       stripe.
 * </ul>
 *
 * <h2>Progress</h2>
 * Every count is <b>wait-free</b>: on an owned stripe a bounded sequence of plain loads and
 * stores, on a shared one an atomic add (on the spill before inflation, after one
 * compare-and-set that counts the record and is never retried). The double sum is wait-free on an owned stripe and
 * <b>lock-free</b> on a shared one (a compare-and-set retried only when another thread wrote the
 * same slot in between). Min and max are read-compare, and a compare-and-set loop only on a new
 * extreme (lock-free). A record allocates at most once per thread and stripe: the compact stripe
 * (one compare-and-set, then a record retried once on it), the spill and the table (one
 * compare-and-set each, the loser uses the winner's), a padded stripe. A drain never makes a writer wait, and never waits
 * for one.
 *
 * <h2>Exponential histograms</h2>
 * {@link ExponentialHistogram} follows the same protocol with stripes of its own ({@link
 * OwnedExponentialStripe}, {@link ExponentialStripe}): its scalars use this layout (frame, double
 * sum, then its own slots), and an owner's bucket counts live in windows that the owner alone
 * grows by copying, so that "count now minus count last read" stays right in whichever window the
 * collector reads.
 */
abstract class LongStripes {
  /** Unused longs on each side of a padded stripe's data slots: 64 bytes, one cache line. */
  static final int PAD = 8;

  // Slots relative to a stripe's base: 0 in a compact stripe, PADDED in a padded one.

  /** The collector's frame request for the owner's double sum. */
  static final int REQUEST = 0;

  /** Whether the stripe is owned or shared. */
  static final int KIND = 1;

  /** The frame the owner's double sum is in: the first data slot. */
  static final int FRAME = 2;

  /** The double sum's two frame slots (raw bits); a shared stripe uses only {@code SUM_0}. */
  static final int SUM_0 = 3;

  static final int SUM_1 = 4;

  /** The first slot a cell lays out for itself, after the frame and the double sum. */
  static final int FIRST_CELL_SLOT = 5;

  /** The base of a compact stripe: no padding. */
  static final int COMPACT = 0;

  /** The base of a padded stripe: its {@code FRAME} is the first slot after a cache line. */
  static final int PADDED = PAD - FRAME;

  /**
   * Records into the spill after which a platform thread inflates the cell, even without
   * contention: a hot second writer ends on its own padded stripe.
   */
  static final long SPILL_RECORDS_BEFORE_INFLATING = 1024;

  static final long OWNED = 1;
  static final long SHARED = -1;

  /** Access to a stripe's slots. */
  static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private static final VarHandle ARRAY = MethodHandles.arrayElementVarHandle(long[][].class);
  private static final VarHandle OWNERS = MethodHandles.arrayElementVarHandle(Thread[].class);
  private static final VarHandle COMPACT_STRIPE;
  private static final VarHandle COMPACT_OWNER;
  private static final VarHandle TABLE;
  private static final VarHandle SPILL;
  private static final VarHandle FIRST_PADDED;
  private static final VarHandle SECOND_PADDED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COMPACT_STRIPE = lookup.findVarHandle(LongStripes.class, "compact", long[].class);
      COMPACT_OWNER = lookup.findVarHandle(LongStripes.class, "compactOwner", Thread.class);
      TABLE = lookup.findVarHandle(LongStripes.class, "table", Table.class);
      SPILL = lookup.findVarHandle(LongStripes.class, "spill", long[].class);
      FIRST_PADDED = lookup.findVarHandle(LongStripes.class, "firstPadded", PaddedOwner.class);
      SECOND_PADDED = lookup.findVarHandle(LongStripes.class, "secondPadded", PaddedOwner.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The initial data slots of every stripe (frame and sums, then the cell's); never written. */
  private final long[] initial;
  /** The first writer's unpadded stripe, or null; see the class comment. */
  private long[] compact;
  /** The thread owning {@code compact}: the only one that writes it. */
  private Thread compactOwner;
  /** The compact shared stripe, from the first record of a second thread on; never unset. */
  private long[] spill;
  /** The padded stripes, once the spill saw contention or a hot writer; never unset. */
  private Table table;
  /**
   * Two owners of padded stripes and their stripes, looked at before the table: see {@link
   * #ownStripe}. Read plain, set by compare-and-set: a shortcut that never decides who writes a
   * stripe.
   */
  private PaddedOwner firstPadded;

  private PaddedOwner secondPadded;

  /** An owner and its padded stripe, remembered together so that no reader pairs them wrongly. */
  private static final class PaddedOwner {
    final Thread owner;
    final long[] stripe;

    PaddedOwner(Thread owner, long[] stripe) {
      this.owner = owner;
      this.stripe = stripe;
    }
  }

  /** The padded stripes of a cell that more than one thread has recorded into. */
  static final class Table {
    final long[][] stripes;
    /** The thread owning each stripe: ownership is checked against it on every record. */
    final Thread[] owners;
    /** Per slot, the stripe of the threads that map to the slot but do not own it. */
    final long[][] shared;
    final int shift;

    Table(int count) {
      this.stripes = new long[count][];
      this.owners = new Thread[count];
      this.shared = new long[count][];
      this.shift = 32 - Integer.numberOfTrailingZeros(count);
    }

    /** The slot a thread's id hashes to: where it owns a stripe, or the one before it. */
    int home(Thread thread) {
      return ThreadStripe.hash(thread.getId()) >>> shift;
    }

    /** The slot after {@code index}, wrapping: where a thread whose home is taken may own one. */
    int next(int index) {
      return (index + 1) & (stripes.length - 1);
    }
  }

  /**
   * @param initial the initial value of every data slot from {@code FRAME} on (frame and double
   *     sum zero, then the cell's own slots, e.g. a minimum at {@code +Inf}); shared, never
   *     written, so cells of one shape may pass the same array
   */
  LongStripes(long[] initial) {
    this.initial = initial;
  }

  /** The {@code initial} array for cells whose {@code cellSlots} slots start at zero. */
  static long[] zeroes(int cellSlots) {
    return new long[FIRST_CELL_SLOT - FRAME + cellSlots];
  }

  /**
   * The stripe {@code current} owns, given the table {@code t} as the caller loaded it once with
   * {@link #table()}: while {@code t} is null the compact stripe (base {@link #COMPACT}) if the
   * thread owns it, else its own padded stripe (base {@link #PADDED}); null when it owns none,
   * and the cell calls {@link #stripeOf}. One acquire load of the table serves both shapes: the
   * fast path of a thread that owns its stripe (a counter's every increment) checks no stripe
   * kind and no base.
   *
   * <p>The first two threads that create padded stripes are remembered with their stripes in two
   * fields looked at before the table, so they find their stripe as the compact owner does: a
   * field load and a compare of the owner, instead of hashing the thread id and loading the
   * table's stripe and owner. Two, because a cell inflates when a second thread shows up, and two
   * busy writers are the common contended case ({@code CounterBenchmark}, two threads on one
   * series, full suites on Java 17: 6.49 ns per add before against {@code LongAdder}'s 3.40, 4.01
   * after against 4.03). A pair is
   * one immutable object (its fields final, so a reader never pairs an owner with another's
   * stripe); the fields are read plain, because they never decide who writes a stripe: a thread
   * uses a remembered stripe only when it is the remembered owner, and only the owner itself
   * remembers its own stripe ({@code claim}). They are set by compare-and-set from null, first
   * then second, because the two threads that inflate a contended cell create their stripes at the
   * same moment: with plain writes both saw {@code firstPadded} empty and one pair was lost in 3 of
   * 12 forks of a 2-thread counter benchmark, whose forgotten owner then hashed into the table on
   * every add (Java 25: 10.3 to 11.5 ns per add in those forks, 3.9 to 4.8 in most others). The
   * collector forgets a pair when it retires the stripe ({@link #retire}), so a dead thread is not
   * kept alive by it; an owner that created its stripe while both pairs still held ended owners
   * stays unremembered and takes the table path, never a wrong stripe.
   *
   * <p>Both shapes are written out in this one method, not in a helper per shape: C2 inlines a
   * call by the profile it has, and a cell's first records all take the compact shape, so the
   * padded helper's call site could be profiled as cold (9 calls against 6,641) and left a real
   * call for good. Then every add of two threads on one counter paid it: about 3.1 ns instead of
   * 1.5, in a quarter to a half of the forks (Java 25: 4 of 16, 4 of 8, 7 of 12; LogCompilation:
   * "too big" at that call site in each slow fork, inlined in each fast one). A cold branch inside a method costs no call, and one never
   * taken becomes a trap that recompiles with the new profile. Only a third writer's table
   * lookup ({@link #ownedPadded}) stays a call.
   */
  final long[] ownStripe(Table t, Thread current) {
    if (t == null) {
      return compactOwner == current ? compact : null;
    }
    PaddedOwner r = firstPadded;
    if (r != null && r.owner == current) {
      return r.stripe;
    }
    r = secondPadded;
    if (r != null && r.owner == current) {
      return r.stripe;
    }
    return ownedPadded(t, current);
  }

  /** The padded stripe {@code current} owns in its home slot or the slot after it, or null. */
  private static long[] ownedPadded(Table t, Thread current) {
    int home = t.home(current);
    long[] stripe = ownedAt(t, home, current);
    return stripe != null ? stripe : ownedAt(t, t.next(home), current);
  }

  private static long[] ownedAt(Table t, int index, Thread current) {
    long[] stripe = (long[]) ARRAY.getAcquire(t.stripes, index);
    return stripe != null && OWNERS.getAcquire(t.owners, index) == current ? stripe : null;
  }

  /**
   * The stripe {@code current} records into when {@link #ownStripe} returned null, or null when
   * the current thread has just taken the compact stripe (which {@link #ownStripe} now returns).
   * The stripe is at base {@link #baseOf} and {@link #isOwned} tells whether the thread owns it
   * (plain writes) or shares it (atomic writes): its own padded stripe, its table slot's shared
   * padded stripe, or the compact shared stripe ({@code spill}, see the class comment).
   *
   * <p>In the table a platform thread claims its home slot (its id's hash) if it is empty, else
   * the slot after it, else it shares the home slot's stripe. The one probe is for threads whose
   * ids collide: with JMH's four workers on one series (Java 17, 2 cores, 3 forks) one of them
   * always collided in a 4-slot table and recorded with atomic adds on its slot's shared stripe,
   * 13.64 ns per add against {@code LongAdder}'s 7.81; with the probe and a table of four times
   * the processors ({@link ThreadStripe#tableSlots}) each owned a stripe, 11.71 against 8.64.
   * For four threads of random ids in 8 slots, the probe cuts the expected number of threads left
   * sharing from 0.69 to 0.17 (computed). A thread checks both slots for its stripe ({@code
   * ownedPadded}); it never owns two, because it claims only when it found neither.
   *
   * <p>Call it only after {@link #ownStripe} returned null: it does not look for the thread's own
   * padded stripe again. None can have appeared since: only the thread itself creates one, here,
   * and a table that was null then has no stripe of this thread now.
   */
  final long[] stripeOf(Thread current) {
    Table t = (Table) TABLE.getAcquire(this);
    if (t == null && COMPACT_STRIPE.getAcquire(this) == null && claimCompact(current)) {
      return null;
    }
    if (VirtualThreads.isVirtual(current)) {
      return spill(); // never a table, never an owned padded stripe: see the class comment
    }
    if (t == null) {
      long[] spill = spill();
      if (countSpillRecord(spill)) {
        return spill;
      }
      inflate(); // contended or hot: this record still lands in the spill, later ones not
      return spill;
    }
    int home = t.home(current);
    long[] own = claim(t, home, current);
    if (own == null) {
      own = claim(t, t.next(home), current); // another thread owns the home slot: one probe
    }
    return own != null ? own : shared(t, home);
  }

  /**
   * Counts a record into the spill before the table exists: one compare-and-set of its {@code
   * REQUEST} slot (unused by shared stripes), never retried. False when it failed (another
   * thread counted in between: contention) or when {@link #SPILL_RECORDS_BEFORE_INFLATING}
   * records were counted (a hot writer): the caller then inflates.
   */
  private static boolean countSpillRecord(long[] spill) {
    long seen = (long) SLOT.getOpaque(spill, COMPACT + REQUEST);
    return seen < SPILL_RECORDS_BEFORE_INFLATING
        && SLOT.compareAndSet(spill, COMPACT + REQUEST, seen, seen + 1);
  }

  /** The compact shared stripe, allocated and published by the first record that needs it. */
  private long[] spill() {
    long[] current = (long[]) SPILL.getAcquire(this);
    if (current != null) {
      return current;
    }
    long[] fresh = newStripe(COMPACT, SHARED);
    long[] witness = (long[]) SPILL.compareAndExchangeRelease(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  private boolean claimCompact(Thread current) {
    long[] fresh = newStripe(COMPACT, OWNED);
    if (!COMPACT_STRIPE.compareAndSet(this, null, fresh)) { // release: the stripe's initial values
      return false;
    }
    // Until this store a thread that finds the stripe sees no owner (or the last ended one) and
    // records into the spill; the owner reads its own store.
    COMPACT_OWNER.setRelease(this, current);
    return true;
  }

  /** Allocates the table, or returns the one another thread allocated first. */
  private Table inflate() {
    Table fresh = new Table(ThreadStripe.tableSlots());
    Table witness = (Table) TABLE.compareAndExchangeRelease(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  /**
   * The base of a stripe {@link #stripeOf} returned: a compact stripe's slot {@code KIND} is
   * {@link #OWNED} or {@link #SHARED}, never zero, while a padded stripe's slot 1 is padding.
   */
  static int baseOf(long[] stripe) {
    return stripe[COMPACT + KIND] != 0 ? COMPACT : PADDED;
  }

  /** Whether a stripe at {@code base} is owned by one thread (true) or shared (false). */
  static boolean isOwned(long[] stripe, int base) {
    return stripe[base + KIND] == OWNED;
  }

  /**
   * Creates {@code owner}'s padded stripe in slot {@code index} if the slot is empty; null, having
   * allocated nothing, when another thread's stripe is there.
   */
  private long[] claim(Table t, int index, Thread owner) {
    if (ARRAY.getAcquire(t.stripes, index) != null) {
      return null;
    }
    long[] fresh = newStripe(PADDED, OWNED);
    if (!ARRAY.compareAndSet(t.stripes, index, null, fresh)) { // release: initial values
      return null;
    }
    // Until this store a thread that loads the stripe finds no owner and uses the shared one;
    // the owner itself reads its own store. The owner is set only by the thread that won the
    // slot, and cleared only by the collector after the owner ended (see retire).
    OWNERS.setRelease(t.owners, index, owner);
    if (firstPadded == null || secondPadded == null) {
      PaddedOwner pair = new PaddedOwner(owner, fresh);
      if (!FIRST_PADDED.compareAndSet(this, null, pair)) {
        SECOND_PADDED.compareAndSet(this, null, pair);
      }
    }
    return fresh;
  }

  private long[] shared(Table t, int index) {
    long[] current = (long[]) ARRAY.getAcquire(t.shared, index);
    if (current != null) {
      return current;
    }
    long[] fresh = newStripe(PADDED, SHARED);
    long[] witness = (long[]) ARRAY.compareAndExchangeRelease(t.shared, index, null, fresh);
    return witness == null ? fresh : witness;
  }

  private long[] newStripe(int base, long kind) {
    long[] fresh = new long[base == COMPACT ? FRAME + initial.length : PAD + initial.length + PAD];
    fresh[base + KIND] = kind;
    System.arraycopy(initial, 0, fresh, base + FRAME, initial.length);
    return fresh;
  }

  // The collector's side (StripeReadings).

  /** The compact stripe, or null if no thread has taken it (or it was retired). */
  final long[] compactStripe() {
    return (long[]) COMPACT_STRIPE.getAcquire(this);
  }

  /** Whether the compact stripe's owner has ended: see {@link #ownerEnded(Table, int)}. */
  final boolean compactOwnerEnded() {
    Thread owner = (Thread) COMPACT_OWNER.getAcquire(this);
    return owner != null && !owner.isAlive();
  }

  /** Frees the compact stripe of an ended owner, as {@link #retire(Table, int, long[])}. */
  final void retireCompact(long[] stripe) {
    COMPACT_OWNER.setRelease(this, null);
    COMPACT_STRIPE.compareAndSet(this, stripe, null);
  }

  /** The compact shared stripe, or null while at most one thread has recorded. */
  final long[] spillStripe() {
    return (long[]) SPILL.getAcquire(this);
  }

  /** The padded stripes, or null until the spill saw contention or a hot writer. */
  final Table table() {
    return (Table) TABLE.getAcquire(this);
  }

  /**
   * Whether the owner of stripe {@code index} has ended. Its termination happens-before this
   * answer, so a drain that starts after a true answer sees every write the owner made, and no
   * thread writes the stripe any more: the collector drains it one last time and then {@link
   * #retire}s it.
   */
  static boolean ownerEnded(Table t, int index) {
    Thread owner = (Thread) OWNERS.getAcquire(t.owners, index);
    return owner != null && !owner.isAlive();
  }

  /**
   * Takes the ended owner's {@code stripe} out of slot {@code index}, so that a new thread can own
   * the slot instead of recording into the shared stripe: thread pools that replace their threads
   * keep single-writer stripes. Collector only, after its last drain of the stripe.
   */
  final void retire(Table t, int index, long[] stripe) {
    // Owner first: a new thread that wins the emptied slot must never be taken for the dead one
    // (the collector would retire the new thread's stripe while it still writes it).
    OWNERS.setRelease(t.owners, index, null);
    ARRAY.compareAndSet(t.stripes, index, stripe, null);
    PaddedOwner r = firstPadded;
    if (r != null && r.stripe == stripe) {
      FIRST_PADDED.compareAndSet(this, r, null); // never erases a pair set since
    }
    r = secondPadded;
    if (r != null && r.stripe == stripe) {
      SECOND_PADDED.compareAndSet(this, r, null);
    }
  }

  /** The owned padded stripe in slot {@code index}, or null if no thread uses it. */
  static long[] stripe(Table t, int index) {
    return (long[]) ARRAY.getAcquire(t.stripes, index);
  }

  /** The shared stripe of slot {@code index}, or null if no thread has needed it yet. */
  static long[] sharedStripe(Table t, int index) {
    return (long[]) ARRAY.getAcquire(t.shared, index);
  }

  /** The owners whose padded stripes are remembered before the table, for tests. */
  final List<Thread> rememberedOwners() {
    List<Thread> owners = new ArrayList<>();
    for (PaddedOwner r : new PaddedOwner[] {firstPadded, secondPadded}) {
      if (r != null) {
        owners.add(r.owner);
      }
    }
    return owners;
  }

  /** The number of data slots per stripe, from {@code FRAME} on. */
  final int width() {
    return initial.length;
  }

  /** The number of stripes in use (compact, owned and shared), for memory accounting. */
  final int countStripes() {
    int used = (compactStripe() == null ? 0 : 1) + (spillStripe() == null ? 0 : 1);
    Table t = table();
    for (int i = 0; t != null && i < t.stripes.length; i++) {
      used += (stripe(t, i) == null ? 0 : 1) + (sharedStripe(t, i) == null ? 0 : 1);
    }
    return used;
  }

  /** The number of padded stripes in use (owned and shared); 0 until the cell inflates. */
  final int countPaddedStripes() {
    return countStripes() - (compactStripe() == null ? 0 : 1) - (spillStripe() == null ? 0 : 1);
  }

  /**
   * Adds {@code delta} to a counting slot (absolute index). On an owned stripe ({@code owned},
   * from {@link #isOwned}) a plain read and a release store, safe because only the owner writes
   * the slot and the collector only reads it; on a shared stripe one atomic add.
   */
  static void add(long[] stripe, boolean owned, int slot, long delta) {
    if (owned) {
      SLOT.setRelease(stripe, slot, stripe[slot] + delta); // StoreStore: earlier slots first
    } else {
      SLOT.getAndAdd(stripe, slot, delta);
    }
  }

  /**
   * Adds {@code delta} to the double sum of the stripe at {@code base}: on an owned stripe into
   * the frame the collector asked for (see the class comment), on a shared stripe by
   * compare-and-set.
   */
  static void addSum(long[] stripe, int base, boolean owned, double delta) {
    if (!owned) {
      DoubleBits.add(stripe, base + SUM_0, delta);
      return;
    }
    long request = (long) SLOT.getAcquire(stripe, base + REQUEST); // LoadLoad/LoadStore: class doc
    int slot = base + SUM_0 + (int) (request & 1);
    if (request != stripe[base + FRAME]) {
      enterFrame(stripe, base, request, slot);
    }
    SLOT.setRelease(
        stripe, slot, Double.doubleToRawLongBits(Double.longBitsToDouble(stripe[slot]) + delta));
  }

  /** Out of line: once per collection at most. The zero is visible before the new frame. */
  private static void enterFrame(long[] stripe, int base, long request, int slot) {
    SLOT.setOpaque(stripe, slot, 0L);
    SLOT.setRelease(stripe, base + FRAME, request);
  }
}
