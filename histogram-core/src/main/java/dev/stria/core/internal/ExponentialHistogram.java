package dev.stria.core.internal;

import static dev.stria.core.internal.ExponentialStripe.SIDE;
import static dev.stria.core.internal.LongStripes.SLOT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A striped base-2 exponential histogram cell: records at one fixed scale, and is reduced to at
 * most {@code maxBuckets} buckets only when exported ({@link ExponentialHistogramData#downscale}),
 * so writers never coordinate to rescale.
 *
 * <pre>{@code
 * ExponentialHistogram cell = new ExponentialHistogram();      // scale 5
 * cell.record(0.042);
 * ExponentialHistogramData delta = cell.drain();               // everything since the last drain
 * ExponentialHistogramData.Downscaled point = delta.downscale(160);
 * }</pre>
 *
 * <h2>Values</h2>
 * Positive values go to positive buckets, negative values to negative buckets by their absolute
 * value, zero (and {@code -0.0}) to the zero count; subnormals are ordinary positive values. NaN
 * and infinities are not recorded: they only increment the dropped count. Sum, min and max cover
 * every recorded value.
 *
 * <h2>Why the default recording scale is 5</h2>
 * At scale {@code s} a bucket spans a factor {@code 2^(2^-s)}: 1.0219 at scale 5, so a value is
 * known to within 1.1% of its bucket's midpoint; an octave is {@code 2^s} buckets. Finer scales
 * cost memory per stripe without helping the export: a latency histogram spanning 1 µs to 10 s (23
 * octaves) holds 736 buckets at scale 5 (six or seven 1 KiB chunks per stripe) but 5,900 at
 * Prometheus' maximum schema 8 (about 50 KiB), and either is downscaled to at most 160 buckets
 * for export, which over 23 octaves is scale 2. Scale 5 keeps 5 octaves at full resolution
 * within 160 buckets, which covers the usual spread of one endpoint's latencies. The record cost
 * does not depend on the scale (one table load and compare for any {@code s > 0}; see {@code
 * ExponentialCellBenchmark}).
 * Recording scales run from -10 to {@link #MAX_RECORDING_SCALE} 8; finer data is not exportable to
 * Prometheus anyway.
 *
 * <h2>Memory</h2>
 * A thread that owns its table slot ({@link OwnedExponentialStripe}) counts into one dense window
 * of buckets per sign, which starts at {@link OwnedExponentialStripe#FIRST_WINDOW} buckets and is
 * replaced by a copy half as large again when a value falls outside it, up to {@link
 * OwnedExponentialStripe#MAX_WINDOW} buckets; its scalars are about 200 bytes. A registry series
 * written by one thread with one value retains 781 bytes ({@code SeriesMemory}; 1,853 with the
 * atomic stripes before), against 943 for client_java native-only; a cell written with values
 * over 1 ms to 10 s holds 2.9 KB, 5.4 KB once drained (5.1 KB before): the collector's
 * readings of an owned stripe are as large as its windows. A shared stripe (the threads that map
 * to a slot another thread owns, and values beyond the widest window) has, per sign in use, a
 * chunk table for magnitudes in [2^-48, 2^48] (about 120 bytes at scale 5; {@link
 * #NEAR_OCTAVES}), a 2 KiB table over the whole double range only if a value lies beyond that,
 * and a 1.2 KiB chunk per 128 buckets (4 octaves at scale 5) that values have touched.
 *
 * <p>Other threads do not get stripes of their own at once: until the cell <i>inflates</i> they
 * share the spill ({@link ExponentialSpill}, 136 bytes: atomic scalars and three bucket entries),
 * {@link LongStripes}' rule for counters. The cell inflates, for good, when records into the spill
 * keep meeting other threads' ({@link ExponentialSpill#MEETINGS_BEFORE_INFLATING} failed
 * compare-and-sets of its record count), after {@link LongStripes#SPILL_RECORDS_BEFORE_INFLATING}
 * records, or when a value's bucket finds no free entry; from then on threads claim table slots
 * as above. So a series one thread records into and three others touch once holds about 0.9 KB,
 * not 3.1 KB ({@code SeriesMemory}, four writers).
 *
 * <h2>Concurrency</h2>
 * The protocol is {@link LongStripes}' (the contract is written there once): each thread hashes
 * to a table slot; the first thread to record in an empty slot owns its stripe, decided by the
 * {@link Thread} object; every other thread of that slot records in the slot's shared stripe. One
 * owner's stripe is also remembered in a field the cell looks at first ({@code firstOwned}), so a
 * series written by one thread skips the hash and the table; it is only a shortcut to a stripe
 * that is in the table, taken only by that stripe's owner. Before the cell inflates, a thread
 * that would claim a slot beside the first owner's, or whose slot another thread owns, records in
 * the spill instead, with atomics (wait-free counts: one compare-and-set counting the record, or
 * a {@code getAndAdd} counting a meeting, at most one compare-and-set per bucket entry claiming
 * it, one {@code getAndAdd}); drains take the spill forever, because a record that saw the cell
 * uninflated may land there after the inflation.
 * <ul>
 *   <li>{@link #record} on an owned stripe is <b>wait-free</b> and uses no atomic instruction:
 *       the bucket index, a plain read and a release store for the double sum (in frames, so a
 *       delta's sum is as precise as its interval alone), min and max (one plain read unless the
 *       value is a new extreme, then a compare-and-set loop against the collector's exchange),
 *       and a plain read and a release store of the bucket count, in this order. A window that
 *       must grow is copied once by its owner.
 *   <li>{@link #record} on a shared stripe: a <b>lock-free</b> compare-and-set loop adding to the
 *       double sum, min and max as above, and one <b>wait-free</b> {@code getAndAdd} on the
 *       bucket; the first record into a chunk of 128 buckets allocates once and publishes with
 *       one CAS. No record ever waits for a drain.
 *   <li>{@link #drain()} ({@link ExponentialDrain}) reads each owned stripe's counts and subtracts
 *       what it read last time, and exchanges every non-zero count of a shared stripe with zero
 *       ({@code getAndSet}, never read-then-zero); then, of each stripe, the zero and dropped
 *       counts, sum, min and max. Each increment is returned by exactly one drain, whatever
 *       writers do meanwhile. A stripe whose owner had ended when the drain reached it is drained
 *       completely and retired, so a new thread may own its slot.
 * </ul>
 *
 * <h2>What a concurrent drain may observe</h2>
 * There is no WriterReaderPhaser: a phaser would give each drain an atomic cut, but it costs every
 * record two more atomic increments (its enter and exit), which would more than double the
 * recording cost. Instead the order of the writes and of the reads gives one guarantee. A record
 * writes sum, min and max <i>before</i> its count (a release store or an atomic); a drain takes
 * counts <i>before</i> sum, min and max (acquire loads or atomics). So if a drain takes an
 * observation's count, it also takes that observation's sum, min and max. The converse does not
 * hold: an observation recorded while a drain runs may contribute its value to this drain's sum
 * (and min/max) and its count to the next drain's. Its count then lands in the next drain, whose
 * min or max may not include it. Totals merged over successive drains are always exact, and the
 * {@code count} of a drained delta is derived from its buckets and zero count, so it always
 * equals their sum. Drains are serialised on the cell.
 *
 * <h2>With an explicit view</h2>
 * Given explicit bounds ({@link #ExponentialHistogram(int, BucketBounds)}), the cell also
 * presents the explicit-bucket histogram of the same values, derived from the same counts: each
 * record still writes one count, and every drain hands both views exactly the same recordings
 * ({@link ExplicitView}).
 */
public final class ExponentialHistogram {
  /** The scale values are recorded at unless another is given: 32 buckets per octave. */
  public static final int DEFAULT_RECORDING_SCALE = 5;

  /** The finest recording scale: Prometheus native histograms' maximum schema. */
  public static final int MAX_RECORDING_SCALE = 8;

  /**
   * Magnitudes in [2^-NEAR_OCTAVES, 2^NEAR_OCTAVES] use the small near chunk table; only values
   * beyond it allocate the table over the whole double range (about 2 KiB per sign at scale 5).
   */
  static final int NEAR_OCTAVES = 48;

  private static final VarHandle STRIPE =
      MethodHandles.arrayElementVarHandle(ExponentialStripe[].class);
  private static final VarHandle OWNED =
      MethodHandles.arrayElementVarHandle(OwnedExponentialStripe[].class);
  private static final VarHandle FIRST_OWNED;
  private static final VarHandle SPILL;
  private static final VarHandle INFLATED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      FIRST_OWNED = lookup
          .findVarHandle(ExponentialHistogram.class, "firstOwned", OwnedExponentialStripe.class);
      SPILL = lookup.findVarHandle(ExponentialHistogram.class, "spill", long[].class);
      INFLATED = lookup.findVarHandle(ExponentialHistogram.class, "inflated", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ExponentialIndexer indexer;
  /** Where shared stripes keep bucket counts at this scale: shared by all cells of the scale. */
  private final ChunkLayout chunks;
  /** Per table slot, the stripe of the thread that owns it, or null. */
  private final OwnedExponentialStripe[] owned;
  /**
   * The stripe of one owner, looked at before the table: the first thread whose own stripe the
   * cell meets, or one after it (see {@link #drainInto(ExponentialHistogramData, HistogramData)}),
   * or null. A series written by one thread — most labelled series — then finds its stripe with
   * one field load and one compare of the owner, instead of hashing the thread id and loading a
   * slot of the table (measured in {@code ExponentialCellBenchmark}).
   *
   * <p>Plain, written without coordination, because it only shortens the way to a stripe and never
   * decides who writes it: a recording uses it only when its {@code owner} is the current thread,
   * and only the owner itself creates a stripe with that owner (see {@link #claim}), so a thread
   * that finds its own stripe here reads what it wrote. That stripe is also in the table, where
   * drains read it: an owner's stripe leaves the table only once its owner has ended. A racing
   * write may replace one remembered stripe with another, or a thread may see a stale one; either
   * costs that thread the table lookup, never a count. The drain that retires an ended owner's
   * stripe forgets it here too, so neither the stripe nor its dead thread is kept alive by it.
   */
  private OwnedExponentialStripe firstOwned;

  /**
   * The stripe threads without their own share until the cell inflates ({@link ExponentialSpill}):
   * published by a compare-and-set from null on first need, never unset.
   */
  private long[] spill;

  /**
   * Whether threads other than the first owner claim table slots (and, once their slot is held,
   * record in its shared stripe) instead of the spill: set for good by a record into the spill
   * once records there kept meeting others' ({@link ExponentialSpill#MEETINGS_BEFORE_INFLATING}),
   * came after {@link LongStripes#SPILL_RECORDS_BEFORE_INFLATING} others, or found no free bucket
   * entry. Opaque: a thread that still sees false records into the spill, which drains read
   * forever.
   */
  private boolean inflated;

  /** Per table slot, the stripe every other thread mapping to the slot writes, or null. */
  private final ExponentialStripe[] shared;
  private final int shift;
  /** The explicit-bucket view fed by the same counts, or null. */
  private final ExplicitView view;
  private final int sideSlots;

  /** A cell recording at {@link #DEFAULT_RECORDING_SCALE}. */
  public ExponentialHistogram() {
    this(DEFAULT_RECORDING_SCALE);
  }

  /**
   * A cell recording at {@code recordingScale}.
   *
   * @throws IllegalArgumentException if the scale is outside [-10, 8]
   */
  public ExponentialHistogram(int recordingScale) {
    this(recordingScale, null);
  }

  /**
   * A cell recording at {@code recordingScale} that also presents the explicit-bucket view of
   * {@code explicitBounds} (null for none), from the same counts: see {@link ExplicitView}.
   *
   * @throws IllegalArgumentException if the scale is outside [-10, 8]
   */
  public ExponentialHistogram(int recordingScale, BucketBounds explicitBounds) {
    if (recordingScale < ExponentialIndexer.MIN_SCALE || recordingScale > MAX_RECORDING_SCALE) {
      throw new IllegalArgumentException(
          "exponential histogram recording scale "
              + recordingScale
              + " is invalid: it must be in [-10, 8]");
    }
    this.indexer = ExponentialIndexer.forScale(recordingScale);
    this.chunks = ChunkLayout.of(indexer);
    int count = ThreadStripe.stripeCount();
    this.owned = new OwnedExponentialStripe[count];
    this.shared = new ExponentialStripe[count];
    this.shift = 32 - Integer.numberOfTrailingZeros(count);
    this.view = explicitBounds == null ? null : new ExplicitView(explicitBounds, indexer);
    this.sideSlots = view == null ? 0 : view.sideSlots();
  }

  /** The bounds of the explicit view, or null when the cell has none. */
  public BucketBounds explicitBounds() {
    return view == null ? null : view.bounds();
  }

  /** The scale every value is recorded at. */
  public int recordingScale() {
    return indexer.scale();
  }

  /** Records one value; see the class comment for what each kind of value costs. */
  public void record(double value) {
    Thread current = Thread.currentThread();
    OwnedExponentialStripe own = firstOwned; // plain: see the field
    if (own == null || own.owner != current) {
      own = tableStripe(current);
      if (own == null) {
        recordSpilled(current, value);
        return;
      }
    }
    recordInTable(own, current, value);
  }

  /** Records on the thread's own stripe, or on its slot's shared stripe when it is another's. */
  private void recordInTable(OwnedExponentialStripe own, Thread current, double value) {
    // Ownership is decided by the Thread object, never by its id (LongStripes).
    if (own.owner != current || !recordOwned(own, value)) {
      recordShared(sharedStripe(slotOf(current)), value);
    }
  }

  /**
   * The stripe in the current thread's table slot, claimed for it if the slot is empty; it is
   * the caller's own only if its owner is {@code current}. Remembers it as {@link #firstOwned}
   * when no stripe is remembered. Null until the cell inflates when the thread would not own a
   * stripe, or would claim one beside the remembered owner's: the caller records in the spill.
   */
  private OwnedExponentialStripe tableStripe(Thread current) {
    int slot = slotOf(current);
    OwnedExponentialStripe own = (OwnedExponentialStripe) OWNED.getAcquire(owned, slot);
    if (own == null) {
      if (firstOwned != null && !inflated()) {
        return null; // LongAdder's rule: a second thread shares the spill first
      }
      own = claim(slot, current);
    } else if (own.owner != current && !inflated()) {
      return null; // another's slot: the spill, not the slot's shared stripe, until inflated
    }
    if (own.owner == current && firstOwned == null) {
      firstOwned = own;
    }
    return own;
  }

  private int slotOf(Thread current) {
    return ThreadStripe.hash(current.getId()) >>> shift;
  }

  /**
   * Records on the current thread's own stripe: plain reads and release stores, sum, min and max
   * before the count. Returns false, having written nothing, for a value beyond the widest window
   * ({@link OwnedExponentialStripe#MAX_WINDOW}) or of a full bucket: the shared stripe takes it.
   */
  private boolean recordOwned(OwnedExponentialStripe own, double value) {
    long[] scalars = own.scalars;
    if (value != 0 && value - value == 0) { // finite, non-zero
      boolean negative = value < 0;
      int index = indexer.index(Math.abs(value));
      int[] window = own.windowFor(negative, index);
      if (window == null) {
        return false;
      }
      LongStripes.addSum(scalars, ExponentialStripe.BASE, true, value);
      DoubleBits.extend(scalars, ExponentialStripe.MIN, ExponentialStripe.MAX, value);
      if (view == null || !view.countedAtBound(scalars, true, SIDE, value, index, negative)) {
        OwnedExponentialStripe.increment(window, index);
      }
    } else {
      recordZeroOrDropped(scalars, true, value);
    }
    return true;
  }

  private boolean inflated() {
    return (boolean) INFLATED.getOpaque(this);
  }

  /**
   * A thread without a stripe of its own, before the cell inflated: records into the spill, or
   * inflates the cell (the spill met another writer, is hot, or has no entry for the value's
   * bucket) and records through the table. See {@link ExponentialSpill}.
   */
  private void recordSpilled(Thread current, double value) {
    long[] shared = spill();
    if (!inflated()
        && ExponentialSpill.stillSpilling(shared)
        && recordInSpill(shared, value)) {
      return;
    }
    INFLATED.setOpaque(this, true);
    recordInTable(tableStripe(current), current, value); // inflated: never null now
  }

  /**
   * Records with atomics in the spill, sum, min and max before the count; returns false, having
   * written nothing, when the value's bucket finds no entry.
   */
  private boolean recordInSpill(long[] shared, double value) {
    if (value != 0 && value - value == 0) { // finite, non-zero
      boolean negative = value < 0;
      int index = indexer.index(Math.abs(value));
      int side = view == null ? -1 : view.sideOf(value, index, negative);
      int count = side >= 0 ? SIDE + side : ExponentialSpill.countSlot(shared, negative, index);
      if (count < 0) {
        return false;
      }
      LongStripes.addSum(shared, ExponentialStripe.BASE, false, value);
      DoubleBits.extend(shared, ExponentialStripe.MIN, ExponentialStripe.MAX, value);
      SLOT.getAndAdd(shared, count, 1L);
    } else {
      recordZeroOrDropped(shared, false, value);
    }
    return true;
  }

  private long[] spill() {
    long[] current = (long[]) SPILL.getAcquire(this);
    if (current != null) {
      return current;
    }
    long[] fresh = ExponentialSpill.create(sideSlots);
    long[] witness = (long[]) SPILL.compareAndExchangeRelease(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** Claims table slot {@code slot} for {@code owner}; the stripe of whoever won it. */
  private OwnedExponentialStripe claim(int slot, Thread owner) {
    OwnedExponentialStripe fresh = new OwnedExponentialStripe(owner, sideSlots);
    OwnedExponentialStripe witness =
        (OwnedExponentialStripe) OWNED.compareAndExchangeRelease(owned, slot, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** Records with atomics on a stripe any thread may write: sum, min and max before the count. */
  private void recordShared(ExponentialStripe stripe, double value) {
    long[] scalars = stripe.scalars;
    if (value != 0 && value - value == 0) { // finite, non-zero
      LongStripes.addSum(scalars, ExponentialStripe.BASE, false, value);
      DoubleBits.extend(scalars, ExponentialStripe.MIN, ExponentialStripe.MAX, value);
      boolean negative = value < 0;
      int index = indexer.index(Math.abs(value));
      if (view == null || !view.countedAtBound(scalars, false, SIDE, value, index, negative)) {
        countBucket(stripe, negative, index);
      }
    } else {
      recordZeroOrDropped(scalars, false, value);
    }
  }

  /**
   * Zero (min and max, then the zero count) or a NaN or infinity (the dropped count), on any
   * stripe's scalars: as the owner writes when {@code owned}, else with atomics.
   */
  private static void recordZeroOrDropped(long[] scalars, boolean owned, double value) {
    if (value == 0) {
      DoubleBits.extend(scalars, ExponentialStripe.MIN, ExponentialStripe.MAX, value);
      LongStripes.add(scalars, owned, ExponentialStripe.ZERO, 1L);
    } else {
      LongStripes.add(scalars, owned, ExponentialStripe.DROPPED, 1L);
    }
  }

  /**
   * Counts bucket {@code index} of one sign in a shared stripe: in the near table when the bucket
   * is in the near range (one unsigned compare, which also serves as the table's bounds check),
   * else in the table over the whole double range, out of line.
   */
  private void countBucket(ExponentialStripe stripe, boolean negative, int index) {
    ChunkLayout c = chunks;
    // Below the near range the offset is negative, so its chunk fails the unsigned compare.
    int offset = index - c.nearBase;
    long[][] near =
        negative ? stripe.negativeNear(c.nearChunkCount) : stripe.positiveNear(c.nearChunkCount);
    if (Integer.compareUnsigned(offset >> c.chunkBits, near.length) < 0) {
      ExponentialStripe.increment(near, offset >> c.chunkBits, offset & c.bucketMask, c.chunkBits);
    } else {
      countFarBucket(stripe, negative, index);
    }
  }

  private void countFarBucket(ExponentialStripe stripe, boolean negative, int index) {
    ChunkLayout c = chunks;
    long[][] far = negative ? stripe.negativeFar(c.chunkCount) : stripe.positiveFar(c.chunkCount);
    int offset = index - c.minIndex;
    ExponentialStripe.increment(far, offset >>> c.chunkBits, offset & c.bucketMask, c.chunkBits);
  }

  private ExponentialStripe sharedStripe(int slot) {
    ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(shared, slot);
    return stripe != null ? stripe : createShared(slot);
  }

  private ExponentialStripe createShared(int slot) {
    ExponentialStripe fresh = new ExponentialStripe(sideSlots);
    ExponentialStripe witness =
        (ExponentialStripe) STRIPE.compareAndExchangeRelease(shared, slot, null, fresh);
    return witness == null ? fresh : witness;
  }

  /**
   * Takes everything recorded since the previous drain, at the recording scale, leaving the cell
   * empty of it. See the class comment for what a drain concurrent with records observes.
   */
  public ExponentialHistogramData drain() {
    ExponentialHistogramData delta = new ExponentialHistogramData(recordingScale());
    drainInto(delta);
    return delta;
  }

  /**
   * Like {@link #drain()}, but adds what it takes to {@code target} instead of allocating.
   *
   * @throws IllegalArgumentException if {@code target} is not at the recording scale
   */
  public void drainInto(ExponentialHistogramData target) {
    drainInto(target, null);
  }

  /**
   * Takes everything recorded since the previous drain into both views: {@code target} at the
   * recording scale, and {@code explicitTarget} (its bucket count that of the explicit view; null
   * to leave the explicit view out). Both views come from the same drained counts, so they always
   * hold the same recordings (see {@link ExplicitView}). Drains are serialised on the cell.
   *
   * @throws IllegalArgumentException if {@code target} is not at the recording scale, or {@code
   *     explicitTarget} is given without a view or with another bucket count
   */
  public synchronized void drainInto(
      ExponentialHistogramData target, HistogramData explicitTarget) {
    if (target.scale() != recordingScale()) {
      throw new IllegalArgumentException(
          "cannot drain a scale " + recordingScale() + " histogram into scale " + target.scale());
    }
    if (explicitTarget != null
        && (view == null || explicitTarget.bucketCountLength() != view.bounds().bucketCount())) {
      throw new IllegalArgumentException(
          "cannot drain the explicit view of " + (view == null ? "a cell without one"
              : view.bounds().bucketCount() + " buckets") + " into data of "
              + explicitTarget.bucketCountLength() + " buckets");
    }
    ExponentialDrain drain = new ExponentialDrain(view, target, explicitTarget);
    for (int s = 0; s < owned.length; s++) {
      OwnedExponentialStripe own = (OwnedExponentialStripe) OWNED.getAcquire(owned, s);
      if (own != null) {
        // Checked before the drain: an owner that had ended wrote everything this drain reads,
        // so its stripe is drained completely and then retired (LongStripes, retire).
        boolean ended = !own.owner.isAlive();
        drain.owned(own);
        if (ended) {
          OWNED.compareAndSet(owned, s, own, null);
          FIRST_OWNED.compareAndSet(this, own, null); // a live writer never remembers this one
        }
      }
    }
    long[] spilled = (long[]) SPILL.getAcquire(this);
    if (spilled != null) { // for good, also after inflation: a late record may land in it
      ExponentialSpill.drainEntries(spilled, drain);
      drain.scalars(spilled, null);
    }
    ChunkLayout c = chunks;
    for (int s = 0; s < shared.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(shared, s);
      if (stripe != null) {
        drain.sharedChunks(stripe.positiveNearOrNull(), c.nearBase, c.chunkBits, false);
        drain.sharedChunks(stripe.positiveFarOrNull(), c.minIndex, c.chunkBits, false);
        drain.sharedChunks(stripe.negativeNearOrNull(), c.nearBase, c.chunkBits, true);
        drain.sharedChunks(stripe.negativeFarOrNull(), c.minIndex, c.chunkBits, true);
        drain.scalars(stripe.scalars, null);
      }
    }
  }

  /** Inflates the cell as a contended spill would: for tests of the table's stripes. */
  void inflateForTest() {
    INFLATED.setOpaque(this, true);
  }

  /** The owner of the stripe looked at before the table, or null: for tests. */
  Thread firstOwner() {
    OwnedExponentialStripe first = firstOwned;
    return first == null ? null : first.owner;
  }

  /**
   * The number of stripes in use: owned (a dead owner's until the next drain), shared, and the
   * spill.
   */
  public int stripesInUse() {
    int used = SPILL.getAcquire(this) == null ? 0 : 1;
    for (int s = 0; s < owned.length; s++) {
      used += (OWNED.getAcquire(owned, s) == null ? 0 : 1)
          + (STRIPE.getAcquire(shared, s) == null ? 0 : 1);
    }
    return used;
  }

  /**
   * For tests, on the owner's thread: sets the count of the current thread's bucket of {@code
   * value} in its owned stripe, as if that many values had come.
   */
  void setOwnedCountForTest(double value, int count) {
    int slot = ThreadStripe.hash() >>> shift;
    OwnedExponentialStripe own = (OwnedExponentialStripe) OWNED.getAcquire(owned, slot);
    own.setCountForTest(value < 0, indexer.index(Math.abs(value)), count);
  }

  /** The buckets held by the owned stripes' windows, for memory tests. */
  int windowBucketsInUse() {
    int used = 0;
    for (int s = 0; s < owned.length; s++) {
      OwnedExponentialStripe own = (OwnedExponentialStripe) OWNED.getAcquire(owned, s);
      used += own == null ? 0 : own.windowBuckets();
    }
    return used;
  }

  /** The number of bucket chunks of the shared stripes, both signs, for memory tests. */
  int chunksInUse() {
    int used = 0;
    for (int s = 0; s < shared.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(shared, s);
      if (stripe != null) {
        used += chunksIn(stripe.positiveNearOrNull()) + chunksIn(stripe.positiveFarOrNull())
            + chunksIn(stripe.negativeNearOrNull()) + chunksIn(stripe.negativeFarOrNull());
      }
    }
    return used;
  }

  /** The number of far chunk tables of the shared stripes, both signs, for memory tests. */
  int farTablesInUse() {
    int used = 0;
    for (int s = 0; s < shared.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(shared, s);
      if (stripe != null) {
        used += (stripe.positiveFarOrNull() == null ? 0 : 1)
            + (stripe.negativeFarOrNull() == null ? 0 : 1);
      }
    }
    return used;
  }

  private static int chunksIn(long[][] table) {
    int used = 0;
    if (table != null) {
      for (int c = 0; c < table.length; c++) {
        if (ExponentialStripe.chunk(table, c) != null) {
          used++;
        }
      }
    }
    return used;
  }

  /** Buckets per chunk, for memory tests. */
  int chunkSize() {
    return 1 << chunks.chunkBits;
  }
}
