package dev.stria.core.internal;

import java.math.BigInteger;

/**
 * Builds the exact in-octave bucket boundaries of a positive scale, in mantissa units, and the
 * per-cell table {@link ExponentialIndexer} looks values up in.
 *
 * <p>Boundary {@code k} of scale {@code s} is {@code T_k = floor((2^(k/2^s) - 1) * 2^52)}: the
 * largest 52-bit mantissa whose value {@code 1 + M/2^52} is still at or below {@code 2^(k/2^s)}
 * (the boundary itself is irrational for {@code 0 < k < 2^s}, so no mantissa equals it).
 *
 * <p>Why it is exact: {@code r = 2^(1/2^s)} is computed by {@code s} integer square roots in fixed
 * point with {@link #FRACTION_BITS} fraction bits, and {@code 2^(k/2^s)} as {@code r^k} by
 * repeated multiplication. Each step truncates by less than one unit of {@code 2^-128} and the
 * relative error of {@code r} compounds over at most {@code 2^20} steps, so every value is within
 * {@code 2^24} units of the truth. The floor to 52 bits discards 76 bits; a boundary is accepted
 * only when those 76 bits are at least {@link #MARGIN} units away from a mantissa step, where the
 * error cannot change the floor. A boundary too close to call fails the build loudly instead of
 * silently misplacing values (it does not happen for scales 1..20; the tests cover every scale).
 */
final class MantissaBoundaries {
  private MantissaBoundaries() {}

  static final int FRACTION_BITS = 128;
  private static final int DISCARDED_BITS = FRACTION_BITS - 52;
  private static final BigInteger ONE = BigInteger.ONE.shiftLeft(FRACTION_BITS);
  private static final BigInteger DISCARDED_MASK =
      BigInteger.ONE.shiftLeft(DISCARDED_BITS).subtract(BigInteger.ONE);
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(30);
  private static final BigInteger UPPER_MARGIN =
      BigInteger.ONE.shiftLeft(DISCARDED_BITS).subtract(MARGIN);

  /**
   * {@code T_0 .. T_(2^s)}: {@code T_0 = 0} (the octave's lower bound, an exact power of two) and
   * {@code T_(2^s) = 2^52}, which no mantissa exceeds.
   */
  static long[] boundaries(int scale) {
    int perOctave = 1 << scale;
    BigInteger root = BigInteger.TWO.shiftLeft(FRACTION_BITS);
    for (int i = 0; i < scale; i++) {
      root = root.shiftLeft(FRACTION_BITS).sqrt();
    }
    long[] bounds = new long[perOctave + 1];
    BigInteger power = ONE;
    for (int k = 1; k < perOctave; k++) {
      power = power.multiply(root).shiftRight(FRACTION_BITS);
      BigInteger fraction = power.subtract(ONE);
      BigInteger discarded = fraction.and(DISCARDED_MASK);
      if (discarded.compareTo(MARGIN) < 0 || discarded.compareTo(UPPER_MARGIN) > 0) {
        throw new IllegalStateException(
            "boundary " + k + " of scale " + scale + " is too close to a mantissa step to resolve");
      }
      bounds[k] = fraction.shiftRight(DISCARDED_BITS).longValueExact();
    }
    BigInteger two = power.multiply(root).shiftRight(FRACTION_BITS);
    if (two.subtract(ONE.shiftLeft(1)).abs().compareTo(MARGIN) > 0) {
      throw new IllegalStateException("boundaries of scale " + scale + " do not close the octave");
    }
    bounds[perOctave] = 1L << 52;
    return bounds;
  }

  /**
   * One entry per cell of {@code 2^lowBits} mantissas: {@code (b + 1) << lowBits | offset}, where
   * {@code b} is the bucket (within the octave, -1 for the exact power of two) of the cell's first
   * mantissa and {@code offset} the position of boundary {@code T_(b+1)} in the cell, or all ones
   * when the cell holds no boundary. A mantissa is in bucket {@code b + 1} exactly when its low
   * bits exceed the offset.
   */
  static long[] cellTable(int scale, int lowBits) {
    long[] bounds = boundaries(scale);
    int perOctave = 1 << scale;
    int cellCount = 1 << (52 - lowBits);
    long cellWidth = 1L << lowBits;
    long lowMask = cellWidth - 1;
    long[] cells = new long[cellCount];
    int bucket = -1;
    for (int c = 0; c < cellCount; c++) {
      long start = (long) c << lowBits;
      while (bucket + 1 < perOctave && bounds[bucket + 1] < start) {
        bucket++;
      }
      long next = bounds[bucket + 1];
      long offset = next - start < cellWidth ? next - start : lowMask;
      if (bucket + 2 <= perOctave && bounds[bucket + 2] < start + cellWidth) {
        throw new IllegalStateException("scale " + scale + " has two boundaries in cell " + c);
      }
      cells[c] = ((long) (bucket + 1) << lowBits) | offset;
    }
    return cells;
  }
}
