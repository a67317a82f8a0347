package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.PAD;
import static dev.stria.core.internal.LongStripes.SLOT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The shared stripe of one table slot of an {@link ExponentialHistogram}, written with atomics by
 * every thread that maps to the slot but does not own it ({@link OwnedExponentialStripe}), and by
 * an owner for a value beyond its window: padded scalar slots and, per sign, two tables of lazily
 * allocated bucket chunks: a near table for magnitudes in [2^-48, 2^48] and a far table for the
 * rest of the double range.
 *
 * <p>Memory: the scalars (and the side slots of an explicit view, one per bound) are one padded
 * {@code long[]} in the layout of {@link LongStripes} ({@link #newScalars}; owned stripes use the
 * same layout, with the double sum in frames). A
 * sign's near table (about 25 references, about 120 bytes, at scale 5) is allocated when the
 * stripe first records a value of that sign, its far table ({@code span /
 * 2^chunkBits} references, about 2 KiB at scale 5) only when a value beyond it arrives, and a
 * chunk ({@code 2^chunkBits} counts plus a cache line of padding on each side) when a value first
 * falls in its index range. Chunks are kept once allocated: a series pays for the range its
 * values have visited, not for the full double range (about 67,000 buckets at scale 5). The near
 * range covers seconds from femtoseconds to millions of years, nanoseconds up to three days and
 * sizes up to 256 TiB, so the far table is rare.
 *
 * <p>Publication: tables and chunks are published with a compare-and-set from null; a thread that
 * loses the race uses the winner's array. Each publication is one allocation and one CAS, once in
 * the life of the stripe, so a record stays wait-free. Readers load them with acquire semantics
 * and see either null (nothing recorded there yet) or a fully zeroed array.
 */
final class ExponentialStripe {
  // The frame and the double sum come first (LongStripes.FRAME, SUM_0, SUM_1), as in every padded
  // stripe of the protocol (base LongStripes.PADDED), so that LongStripes.addSum and
  // StripeReadings serve both kinds of stripe. These slot numbers are absolute.
  static final int BASE = LongStripes.PADDED;
  static final int ZERO = BASE + LongStripes.FIRST_CELL_SLOT;
  static final int DROPPED = ZERO + 1;
  static final int MIN = ZERO + 2;
  static final int MAX = ZERO + 3;
  /** The first side slot of a histogram with an explicit view ({@link ExplicitView}). */
  static final int SIDE = ZERO + 4;

  private static final VarHandle POSITIVE_NEAR = table("positiveNear");
  private static final VarHandle POSITIVE_FAR = table("positiveFar");
  private static final VarHandle NEGATIVE_NEAR = table("negativeNear");
  private static final VarHandle NEGATIVE_FAR = table("negativeFar");
  private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(long[][].class);

  private static VarHandle table(String field) {
    try {
      return MethodHandles.lookup().findVarHandle(ExponentialStripe.class, field, long[][].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final long[] scalars;

  // Chunk tables, accessed through the VarHandles of the same names.
  @SuppressWarnings("unused")
  private long[][] positiveNear;

  @SuppressWarnings("unused")
  private long[][] positiveFar;

  @SuppressWarnings("unused")
  private long[][] negativeNear;

  @SuppressWarnings("unused")
  private long[][] negativeFar;

  /** @param sideSlots the explicit view's side slots, 0 without one */
  ExponentialStripe(int sideSlots) {
    scalars = newScalars(sideSlots);
  }

  /**
   * A padded scalar array: frame, double sum, zero and dropped counts, min, max, then {@code
   * sideSlots} side slots.
   */
  static long[] newScalars(int sideSlots) {
    long[] scalars = new long[SIDE + sideSlots + PAD];
    scalars[MIN] = DoubleBits.POSITIVE_INFINITY;
    scalars[MAX] = DoubleBits.NEGATIVE_INFINITY;
    return scalars;
  }

  /** The number of data slots of a scalar array, for a collector's readings of it. */
  static int scalarWidth(int sideSlots) {
    return SIDE - PAD + sideSlots;
  }

  /** The positive near-range chunk table, created with {@code chunkCount} slots on first use. */
  long[][] positiveNear(int chunkCount) {
    long[][] table = (long[][]) POSITIVE_NEAR.getAcquire(this);
    return table != null ? table : publish(POSITIVE_NEAR, chunkCount);
  }

  long[][] positiveFar(int chunkCount) {
    long[][] table = (long[][]) POSITIVE_FAR.getAcquire(this);
    return table != null ? table : publish(POSITIVE_FAR, chunkCount);
  }

  long[][] negativeNear(int chunkCount) {
    long[][] table = (long[][]) NEGATIVE_NEAR.getAcquire(this);
    return table != null ? table : publish(NEGATIVE_NEAR, chunkCount);
  }

  long[][] negativeFar(int chunkCount) {
    long[][] table = (long[][]) NEGATIVE_FAR.getAcquire(this);
    return table != null ? table : publish(NEGATIVE_FAR, chunkCount);
  }

  /** The positive near-range chunk table, or null if no such value was recorded here. */
  long[][] positiveNearOrNull() {
    return (long[][]) POSITIVE_NEAR.getAcquire(this);
  }

  long[][] positiveFarOrNull() {
    return (long[][]) POSITIVE_FAR.getAcquire(this);
  }

  long[][] negativeNearOrNull() {
    return (long[][]) NEGATIVE_NEAR.getAcquire(this);
  }

  long[][] negativeFarOrNull() {
    return (long[][]) NEGATIVE_FAR.getAcquire(this);
  }

  private long[][] publish(VarHandle field, int chunkCount) {
    long[][] fresh = new long[chunkCount][];
    long[][] witness = (long[][]) field.compareAndExchangeRelease(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  /**
   * Adds one to bucket {@code bucket} of chunk {@code c} of {@code table}: wait-free, one {@code
   * getAndAdd}, plus one allocation and CAS the first time the chunk is touched.
   */
  static void increment(long[][] table, int c, int bucket, int chunkBits) {
    long[] chunk = (long[]) CHUNK.getAcquire(table, c);
    if (chunk == null) {
      chunk = createChunk(table, c, chunkBits);
    }
    SLOT.getAndAdd(chunk, PAD + bucket, 1L);
  }

  private static long[] createChunk(long[][] table, int c, int chunkBits) {
    long[] fresh = new long[PAD + (1 << chunkBits) + PAD];
    long[] witness = (long[]) CHUNK.compareAndExchangeRelease(table, c, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** Chunk {@code c} of {@code table}, or null if no value fell in its range yet. */
  static long[] chunk(long[][] table, int c) {
    return (long[]) CHUNK.getAcquire(table, c);
  }
}
