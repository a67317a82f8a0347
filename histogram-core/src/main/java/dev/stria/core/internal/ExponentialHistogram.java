package dev.stria.core.internal;

import static dev.stria.core.internal.ExponentialStripe.SIDE;
import static dev.stria.core.internal.LongStripes.PAD;
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
 * Per stripe (one per recording thread): about 200 bytes of padded scalars, per sign in use a
 * chunk table for magnitudes in [2^-48, 2^48] (about 120 bytes at scale 5; {@link
 * #NEAR_OCTAVES}), a 2 KiB table over the whole double range only if a value lies beyond that,
 * and a 1.2 KiB chunk per 128 buckets (4 octaves at scale 5) that values have touched. Measured on
 * a 64-bit JVM with compressed references ({@code CellFootprint}): 5.1 KB per histogram written
 * by one thread with values over 1 ms to 10 s (7.1 KB when every sign had the 2 KiB table); a
 * registry series with one value retains 1.8 KB ({@code SeriesMemory}; 3.8 KB before).
 *
 * <h2>Concurrency</h2>
 * <ul>
 *   <li>{@link #record} of a finite non-zero value is, in this order: a <b>lock-free</b> CAS loop
 *       adding to the stripe's double sum (retried only when another thread mapped to the same
 *       stripe changed it in between), min and max updates (one plain read unless the value is a
 *       new extreme, then a CAS loop), and one <b>wait-free</b> {@code getAndAdd} on the bucket.
 *       Zero, NaN and infinities are one wait-free {@code getAndAdd} (zero also updates min/max).
 *       The first record by a thread on a stripe, and the first into a chunk of 128 buckets,
 *       allocate once and publish with one CAS. No record ever waits for a drain.
 *   <li>{@link #drain()} exchanges every non-zero bucket of every stripe with zero ({@code
 *       getAndSet}, never read-then-zero), then the zero and dropped counts, sum, min and max.
 *       Each increment is returned by exactly one drain, whatever writers do meanwhile.
 * </ul>
 *
 * <h2>What a concurrent drain may observe</h2>
 * There is no WriterReaderPhaser: a phaser would give each drain an atomic cut, but it costs every
 * record two more atomic increments (its enter and exit), which would more than double the
 * recording cost. Instead the order of the writes and of the exchanges gives one guarantee. A
 * record writes sum, min and max <i>before</i> its bucket; a drain exchanges buckets <i>before</i>
 * sum, min and max. All are volatile-mode atomics, so if a drain takes an observation's bucket
 * increment, it also takes that observation's sum, min and max. The converse does not hold: an
 * observation recorded while a drain runs may contribute its value to this drain's sum (and
 * min/max) and its count to the next drain's. Its count then lands in the next drain, whose min or
 * max may not include it. Totals merged over successive drains are always exact, and the {@code
 * count} of a drained delta is derived from its buckets and zero count, so it always equals their
 * sum. Drains are serialised on the cell.
 *
 * <h2>With an explicit view</h2>
 * Given explicit bounds ({@link #ExponentialHistogram(int, BucketBounds)}), the cell also
 * presents the explicit-bucket histogram of the same values, derived from the same counts: each
 * record is still one atomic add, and every drain hands both views exactly the same recordings
 * ({@link ExplicitView}). The stripes are shared and hashed like the others; why they are not
 * owned: {@link LongStripes}, "Why exponential histograms differ".
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

  private final ExponentialIndexer indexer;
  private final int minIndex;
  private final int chunkBits;
  /** Chunks over the whole double range: the length of a far table. */
  private final int chunkCount;
  /** The chunk number of a near table's first slot, and its length: see {@link #NEAR_OCTAVES}. */
  private final int nearFirstChunk;
  private final int nearChunkCount;
  /** The bucket index at the start of a near table's first chunk. */
  private final int nearBase;
  private final int bucketMask;
  private final ExponentialStripe[] stripes;
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
    this.minIndex = indexer.index(Double.MIN_VALUE);
    int span = indexer.index(Double.MAX_VALUE) - minIndex + 1;
    // A chunk is at least 128 buckets and at least 4 octaves, so a table has at most ~525 slots.
    this.chunkBits = Math.max(7, recordingScale + 2);
    this.chunkCount = (span + (1 << chunkBits) - 1) >>> chunkBits;
    this.nearFirstChunk = (indexer.index(Math.scalb(1.0, -NEAR_OCTAVES)) - minIndex) >>> chunkBits;
    int nearLastChunk = (indexer.index(Math.scalb(1.0, NEAR_OCTAVES)) - minIndex) >>> chunkBits;
    this.nearChunkCount = nearLastChunk - nearFirstChunk + 1;
    this.nearBase = minIndex + (nearFirstChunk << chunkBits);
    this.bucketMask = (1 << chunkBits) - 1;
    int count = ThreadStripe.stripeCount();
    this.stripes = new ExponentialStripe[count];
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
    if (view != null && value != 0 && value - value == 0) { // finite, non-zero, with a view
      recordWithView(value);
      return;
    }
    if (value > 0) {
      if (value != Double.POSITIVE_INFINITY) {
        ExponentialStripe stripe = forCurrentThread();
        recordValue(stripe, value);
        countBucket(stripe, false, indexer.index(value));
        return;
      }
    } else if (value < 0) {
      if (value != Double.NEGATIVE_INFINITY) {
        ExponentialStripe stripe = forCurrentThread();
        recordValue(stripe, value);
        countBucket(stripe, true, indexer.index(-value));
        return;
      }
    } else if (value == 0) {
      long[] scalars = forCurrentThread().scalars;
      DoubleBits.min(scalars, ExponentialStripe.MIN, value);
      DoubleBits.max(scalars, ExponentialStripe.MAX, value);
      SLOT.getAndAdd(scalars, ExponentialStripe.ZERO, 1L);
      return;
    }
    SLOT.getAndAdd(forCurrentThread().scalars, ExponentialStripe.DROPPED, 1L);
  }

  /**
   * A finite non-zero value of a cell with an explicit view: counted beside its bucket when it
   * lies at or below a bound inside it ({@link ExplicitView}). A method of its own, so that the
   * record of a cell without a view stays as small as before and inlines as before.
   */
  private void recordWithView(double value) {
    ExponentialStripe stripe = forCurrentThread();
    recordValue(stripe, value);
    boolean negative = value < 0;
    int index = indexer.index(negative ? -value : value);
    if (!view.countedAtBound(stripe.scalars, SIDE, value, index, negative)) {
      countBucket(stripe, negative, index);
    }
  }

  /**
   * Counts bucket {@code index} of one sign: in the near table when the bucket is in the near
   * range (one unsigned compare, which also serves as the table's bounds check), else in the table
   * over the whole double range, out of line. Each call site passes a constant sign.
   */
  private void countBucket(ExponentialStripe stripe, boolean negative, int index) {
    // Below the near range the offset is negative, so its chunk fails the unsigned compare.
    int offset = index - nearBase;
    long[][] near =
        negative ? stripe.negativeNear(nearChunkCount) : stripe.positiveNear(nearChunkCount);
    if (Integer.compareUnsigned(offset >> chunkBits, near.length) < 0) {
      ExponentialStripe.increment(near, offset >> chunkBits, offset & bucketMask, chunkBits);
    } else {
      countFarBucket(stripe, negative, index);
    }
  }

  private void countFarBucket(ExponentialStripe stripe, boolean negative, int index) {
    long[][] far = negative ? stripe.negativeFar(chunkCount) : stripe.positiveFar(chunkCount);
    int offset = index - minIndex;
    ExponentialStripe.increment(far, offset >>> chunkBits, offset & bucketMask, chunkBits);
  }

  /** Sum, min and max: written before the bucket, see "What a concurrent drain may observe". */
  private static void recordValue(ExponentialStripe stripe, double value) {
    long[] scalars = stripe.scalars;
    DoubleBits.add(scalars, ExponentialStripe.SUM, value);
    DoubleBits.min(scalars, ExponentialStripe.MIN, value);
    DoubleBits.max(scalars, ExponentialStripe.MAX, value);
  }

  private ExponentialStripe forCurrentThread() {
    int index = ThreadStripe.hash() >>> shift;
    ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(stripes, index);
    return stripe != null ? stripe : createStripe(index);
  }

  private ExponentialStripe createStripe(int index) {
    ExponentialStripe fresh = new ExponentialStripe(sideSlots);
    ExponentialStripe witness =
        (ExponentialStripe) STRIPE.compareAndExchangeRelease(stripes, index, null, fresh);
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
    HistogramData explicit = view == null ? null : explicitTarget;
    for (int s = 0; s < stripes.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(stripes, s);
      if (stripe == null) {
        continue;
      }
      // Counts first, then the scalars: see "What a concurrent drain may observe".
      drainBuckets(stripe.positiveNearOrNull(), nearFirstChunk, target, explicit, false);
      drainBuckets(stripe.positiveFarOrNull(), 0, target, explicit, false);
      drainBuckets(stripe.negativeNearOrNull(), nearFirstChunk, target, explicit, true);
      drainBuckets(stripe.negativeFarOrNull(), 0, target, explicit, true);
      long[] scalars = stripe.scalars;
      if (view != null) {
        drainSides(scalars, target, explicit);
      }
      long zero = (long) SLOT.getAndSet(scalars, ExponentialStripe.ZERO, 0L);
      long dropped = (long) SLOT.getAndSet(scalars, ExponentialStripe.DROPPED, 0L);
      double sum = DoubleBits.exchange(scalars, ExponentialStripe.SUM, 0L);
      double min =
          DoubleBits.exchange(scalars, ExponentialStripe.MIN, DoubleBits.POSITIVE_INFINITY);
      double max =
          DoubleBits.exchange(scalars, ExponentialStripe.MAX, DoubleBits.NEGATIVE_INFINITY);
      target.addZero(zero);
      target.addDropped(dropped);
      target.addSum(sum);
      target.accumulateMin(min);
      target.accumulateMax(max);
      if (explicit != null) {
        explicit.add(view.zeroBucket(), zero);
        explicit.addDropped(dropped);
        explicit.addSum(sum);
        explicit.extend(min, max);
      }
    }
  }

  /** The side slots: each belongs to one exponential bucket and one explicit bucket. */
  private void drainSides(
      long[] scalars, ExponentialHistogramData target, HistogramData explicit) {
    for (int j = 0; j < sideSlots; j++) {
      if (!view.hasSide(j) || (long) SLOT.getVolatile(scalars, SIDE + j) == 0) {
        continue;
      }
      long n = (long) SLOT.getAndSet(scalars, SIDE + j, 0L);
      if (view.sideIsNegative(j)) {
        target.addNegative(view.sideBucket(j), n);
      } else {
        target.addPositive(view.sideBucket(j), n);
      }
      if (explicit != null) {
        explicit.add(j, n);
      }
    }
  }

  /** Drains a chunk table whose slot 0 holds chunk number {@code firstChunk}. */
  private void drainBuckets(long[][] table, int firstChunk, ExponentialHistogramData target,
      HistogramData explicit, boolean negative) {
    if (table == null) {
      return;
    }
    int chunkSize = 1 << chunkBits;
    for (int c = 0; c < table.length; c++) {
      long[] chunk = ExponentialStripe.chunk(table, c);
      if (chunk == null) {
        continue;
      }
      int first = minIndex + ((firstChunk + c) << chunkBits);
      for (int i = 0; i < chunkSize; i++) {
        // Reading first skips the exchange of empty buckets; an increment that lands after the
        // read is taken by the next drain.
        if ((long) SLOT.getVolatile(chunk, PAD + i) != 0) {
          long n = (long) SLOT.getAndSet(chunk, PAD + i, 0L);
          if (negative) {
            target.addNegative(first + i, n);
          } else {
            target.addPositive(first + i, n);
          }
          if (explicit != null) {
            explicit.add(view.explicitIndexOfBucket(negative, first + i), n);
          }
        }
      }
    }
  }

  /** The number of stripes allocated (one per thread that mapped to a new one). */
  public int stripesInUse() {
    int used = 0;
    for (int s = 0; s < stripes.length; s++) {
      if (STRIPE.getAcquire(stripes, s) != null) {
        used++;
      }
    }
    return used;
  }

  /** The number of bucket chunks allocated over all stripes and both signs, for memory tests. */
  int chunksInUse() {
    int used = 0;
    for (int s = 0; s < stripes.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(stripes, s);
      if (stripe != null) {
        used += chunksIn(stripe.positiveNearOrNull()) + chunksIn(stripe.positiveFarOrNull())
            + chunksIn(stripe.negativeNearOrNull()) + chunksIn(stripe.negativeFarOrNull());
      }
    }
    return used;
  }

  /** The number of far chunk tables allocated over all stripes and both signs, for memory tests. */
  int farTablesInUse() {
    int used = 0;
    for (int s = 0; s < stripes.length; s++) {
      ExponentialStripe stripe = (ExponentialStripe) STRIPE.getAcquire(stripes, s);
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
    return 1 << chunkBits;
  }
}
