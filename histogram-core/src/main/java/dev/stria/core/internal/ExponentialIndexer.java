package dev.stria.core.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Maps a positive finite {@code double} to its base-2 exponential bucket index at one scale,
 * exactly as the OpenTelemetry specification defines it: bucket {@code i} at scale {@code s}
 * covers {@code (2^(i/2^s), 2^((i+1)/2^s)]}, so the index is {@code ceil(log2(v) * 2^s) - 1}, and
 * an exact power of two is the upper bound of its bucket.
 *
 * <pre>{@code
 * ExponentialIndexer indexer = ExponentialIndexer.forScale(5);
 * int i = indexer.index(0.042);   // -147: 0.042 lies in (2^(-147/32), 2^(-146/32)]
 * }</pre>
 *
 * <p>How: {@code v = 2^e * (1 + M/2^52)}. For {@code s <= 0} the index is {@code e} (minus one
 * when {@code M == 0}, an exact power of two) shifted right by {@code -s}. For {@code s > 0} it is
 * {@code e * 2^s + j}, where {@code j} is the number of in-octave boundaries {@code T_k =
 * floor((2^(k/2^s) - 1) * 2^52)} that {@code M} exceeds, minus one. The octave is cut into {@code
 * 2^(s+1)} equal cells by the top {@code s+1} mantissa bits. A bucket is at least {@code ln 2 /
 * 2^s} of an octave wide and a cell {@code 0.5 / 2^s}, so a cell holds at most one boundary: one
 * {@code long} per cell stores the bucket at the cell's start and where in the cell the next
 * boundary lies. {@link #index} is then one table load and one compare, no {@code Math.log}, no
 * allocation: 23 bytecodes plus an 88-bytecode lookup that also holds the {@code s <= 0} branch,
 * both small enough for the JIT to inline. Subnormals are normalised first, off the common path.
 *
 * <p>The boundaries are computed exactly when a scale is first asked for, in 128-bit fixed point
 * ({@link java.math.BigInteger}), and each one is checked to lie far enough from a mantissa step
 * that rounding cannot have moved it; tables are cached per scale for the life of the JVM. Sizes:
 * {@code 2^(s+1)} longs, 512 bytes at scale 5, 2 KiB at 7, 16 MiB at 20 (built in about a second).
 *
 * <p>Thread safety: instances are immutable; {@link #index} is wait-free. {@link #forScale} is
 * lock-free: two threads asking for a new scale at once may both build its table, one wins.
 */
public final class ExponentialIndexer {
  /** The smallest scale the OpenTelemetry specification defines. */
  public static final int MIN_SCALE = -10;

  /** The largest scale the OpenTelemetry specification defines. */
  public static final int MAX_SCALE = 20;

  private static final int MANTISSA_BITS = 52;
  private static final long MANTISSA_MASK = (1L << MANTISSA_BITS) - 1;
  private static final int EXPONENT_BIAS = 1023;

  private static final AtomicReferenceArray<ExponentialIndexer> CACHE =
      new AtomicReferenceArray<>(MAX_SCALE - MIN_SCALE + 1);

  private final int scale;
  /** Per mantissa cell: (bucket at cell start + 1) << lowBits | boundary offset; null if s <= 0. */
  private final long[] cells;
  /** Mantissa bits below the cell number: 51 - scale. */
  private final int lowBits;
  private final long lowMask;

  private ExponentialIndexer(int scale) {
    this.scale = scale;
    if (scale > 0) {
      this.lowBits = MANTISSA_BITS - (scale + 1);
      this.lowMask = (1L << lowBits) - 1;
      this.cells = MantissaBoundaries.cellTable(scale, lowBits);
    } else {
      this.lowBits = 0;
      this.lowMask = 0;
      this.cells = null;
    }
  }

  /**
   * The indexer for {@code scale}, built on first use and then cached.
   *
   * @throws IllegalArgumentException if {@code scale} is outside [-10, 20]
   */
  public static ExponentialIndexer forScale(int scale) {
    if (scale < MIN_SCALE || scale > MAX_SCALE) {
      throw new IllegalArgumentException(
          "exponential histogram scale " + scale + " is invalid: it must be in [-10, 20]");
    }
    int slot = scale - MIN_SCALE;
    ExponentialIndexer cached = CACHE.get(slot);
    if (cached != null) {
      return cached;
    }
    ExponentialIndexer fresh = new ExponentialIndexer(scale);
    ExponentialIndexer witness = CACHE.compareAndExchange(slot, null, fresh);
    return witness == null ? fresh : witness;
  }

  /** The scale this indexer maps to. */
  public int scale() {
    return scale;
  }

  /**
   * The bucket index of {@code value}, which must be finite and greater than zero (subnormals
   * included); the result for zero, negative values, NaN or infinities is unspecified.
   */
  public int index(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int biasedExponent = (int) (bits >>> MANTISSA_BITS);
    if (biasedExponent == 0) {
      return subnormalIndex(bits);
    }
    return index(biasedExponent - EXPONENT_BIAS, bits & MANTISSA_MASK);
  }

  private int index(int exponent, long mantissa) {
    long[] table = cells;
    if (table == null) {
      return (exponent - (mantissa == 0 ? 1 : 0)) >> -scale;
    }
    long cell = table[(int) (mantissa >>> lowBits)];
    int above = (mantissa & lowMask) > (cell & lowMask) ? 1 : 0;
    return (exponent << scale) + (int) (cell >>> lowBits) - 1 + above;
  }

  /** A subnormal is {@code M * 2^-1074}: move its top bit to the implicit-one position. */
  private int subnormalIndex(long mantissa) {
    int top = 63 - Long.numberOfLeadingZeros(mantissa);
    long normalised = (mantissa << (MANTISSA_BITS - top)) & MANTISSA_MASK;
    return index(top - 1074, normalised);
  }
}
