package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.SLOT;

/**
 * Lock-free updates of a {@code double} kept as raw bits in a slot of a {@code long[]} stripe.
 *
 * <p>These are compare-and-set loops, so they are lock-free, not wait-free: a retry happens only
 * when another thread changed the same slot between the read and the CAS, which for a stripe
 * means another thread mapped to the same stripe. Min and max read first and write only when the
 * value is a new extreme, so after warm-up they are one plain read.
 *
 * <p>Why the shape matters. The slot handle is a {@code static final} here, never a parameter:
 * HotSpot turns a constant {@link java.lang.invoke.VarHandle} access into one instruction, but a
 * handle passed as an argument to a method it did not inline goes through the generic linkage
 * ({@code MethodHandle::linkToStatic}) on every call. And min and max keep only the compare
 * inline and move the rare CAS loop to a method of its own, so they stay small enough to be
 * inlined even when the JIT happens to compile them on their own first. Before both changes, a
 * fork of {@code ExplicitCellBenchmark} that compiled {@code max} before {@code record} ran at two
 * to three times the cost of one that did not.
 */
final class DoubleBits {
  private DoubleBits() {}

  static final long POSITIVE_INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  static final long NEGATIVE_INFINITY = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);

  /** Adds {@code delta} to the slot, by compare-and-set: for slots any thread may write. */
  static void add(long[] array, int index, double delta) {
    long current = (long) SLOT.getVolatile(array, index);
    while (true) {
      long next = Double.doubleToRawLongBits(Double.longBitsToDouble(current) + delta);
      long witness = (long) SLOT.compareAndExchange(array, index, current, next);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  /** Lowers the slot to {@code value} if it is a new minimum. */
  static void min(long[] array, int index, double value) {
    if (value < Double.longBitsToDouble((long) SLOT.getOpaque(array, index))) {
      lowerTo(array, index, value);
    }
  }

  /** Raises the slot to {@code value} if it is a new maximum. */
  static void max(long[] array, int index, double value) {
    if (value > Double.longBitsToDouble((long) SLOT.getOpaque(array, index))) {
      raiseTo(array, index, value);
    }
  }

  private static void lowerTo(long[] array, int index, double value) {
    long current = (long) SLOT.getVolatile(array, index);
    while (value < Double.longBitsToDouble(current)) {
      long witness =
          (long) SLOT.compareAndExchange(array, index, current, Double.doubleToRawLongBits(value));
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  private static void raiseTo(long[] array, int index, double value) {
    long current = (long) SLOT.getVolatile(array, index);
    while (value > Double.longBitsToDouble(current)) {
      long witness =
          (long) SLOT.compareAndExchange(array, index, current, Double.doubleToRawLongBits(value));
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  /** Replaces the slot with {@code replacement} and returns what it held, as a double. */
  static double exchange(long[] array, int index, long replacement) {
    return Double.longBitsToDouble((long) SLOT.getAndSet(array, index, replacement));
  }
}
