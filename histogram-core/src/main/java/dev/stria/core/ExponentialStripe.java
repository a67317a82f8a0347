package dev.stria.core;

import static dev.stria.core.LongStripes.PAD;
import static dev.stria.core.LongStripes.SLOT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's share of an {@link ExponentialHistogram}: padded scalar slots and, per sign, a
 * table of lazily allocated bucket chunks.
 *
 * <p>Memory: the scalars are one padded {@code long[]} (the layout of {@link LongStripes}). A
 * sign's chunk table ({@code span / 2^chunkBits} references, about 2 KiB at scale 5) is allocated
 * when the stripe first records a value of that sign, and a chunk ({@code 2^chunkBits} counts plus
 * a cache line of padding on each side) when a value first falls in its index range. Chunks are
 * kept once allocated: a series pays for the range its values have visited, not for the full
 * double range (about 67,000 buckets at scale 5).
 *
 * <p>Publication: tables and chunks are published with a compare-and-set from null; a thread that
 * loses the race uses the winner's array. Each publication is one allocation and one CAS, once in
 * the life of the stripe, so a record stays wait-free. Readers load them with acquire semantics
 * and see either null (nothing recorded there yet) or a fully zeroed array.
 */
final class ExponentialStripe {
  static final int ZERO = PAD;
  static final int DROPPED = PAD + 1;
  static final int SUM = PAD + 2;
  static final int MIN = PAD + 3;
  static final int MAX = PAD + 4;
  private static final int SCALARS = 5;

  private static final VarHandle POSITIVE;
  private static final VarHandle NEGATIVE;
  private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(long[][].class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      POSITIVE = lookup.findVarHandle(ExponentialStripe.class, "positive", long[][].class);
      NEGATIVE = lookup.findVarHandle(ExponentialStripe.class, "negative", long[][].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final long[] scalars = new long[PAD + SCALARS + PAD];

  @SuppressWarnings("unused") // accessed through POSITIVE
  private long[][] positive;

  @SuppressWarnings("unused") // accessed through NEGATIVE
  private long[][] negative;

  ExponentialStripe() {
    scalars[MIN] = DoubleBits.POSITIVE_INFINITY;
    scalars[MAX] = DoubleBits.NEGATIVE_INFINITY;
  }

  /** The positive chunk table, created with {@code chunkCount} empty slots on first use. */
  long[][] positive(int chunkCount) {
    long[][] table = (long[][]) POSITIVE.getAcquire(this);
    return table != null ? table : publish(POSITIVE, chunkCount);
  }

  long[][] negative(int chunkCount) {
    long[][] table = (long[][]) NEGATIVE.getAcquire(this);
    return table != null ? table : publish(NEGATIVE, chunkCount);
  }

  /** The positive chunk table, or null if this stripe never recorded a positive value. */
  long[][] positiveOrNull() {
    return (long[][]) POSITIVE.getAcquire(this);
  }

  long[][] negativeOrNull() {
    return (long[][]) NEGATIVE.getAcquire(this);
  }

  private long[][] publish(VarHandle field, int chunkCount) {
    long[][] fresh = new long[chunkCount][];
    long[][] witness = (long[][]) field.compareAndExchangeRelease(this, null, fresh);
    return witness == null ? fresh : witness;
  }

  /**
   * Adds one to bucket {@code offset} (the index minus the scale's smallest index): wait-free, one
   * {@code getAndAdd}, plus one allocation and CAS the first time the chunk is touched.
   */
  static void increment(long[][] table, int offset, int chunkBits) {
    int c = offset >>> chunkBits;
    long[] chunk = (long[]) CHUNK.getAcquire(table, c);
    if (chunk == null) {
      chunk = createChunk(table, c, chunkBits);
    }
    SLOT.getAndAdd(chunk, PAD + (offset & ((1 << chunkBits) - 1)), 1L);
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
