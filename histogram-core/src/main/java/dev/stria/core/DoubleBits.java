package dev.stria.core;

import java.lang.invoke.VarHandle;

/**
 * Lock-free updates of a {@code double} kept as raw bits in a {@code long[]} slot.
 *
 * <p>These are compare-and-set loops, so they are lock-free, not wait-free: a retry happens only
 * when another thread changed the same slot between the read and the CAS, which for a stripe
 * means another thread mapped to the same stripe. Min and max read first and write only when the
 * value is a new extreme, so after warm-up they are one plain read.
 */
final class DoubleBits {
  private DoubleBits() {}

  static final long POSITIVE_INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  static final long NEGATIVE_INFINITY = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);

  static void add(VarHandle slots, long[] array, int index, double delta) {
    long current = (long) slots.getVolatile(array, index);
    while (true) {
      long next = Double.doubleToRawLongBits(Double.longBitsToDouble(current) + delta);
      long witness = (long) slots.compareAndExchange(array, index, current, next);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  static void min(VarHandle slots, long[] array, int index, double value) {
    long current = (long) slots.getOpaque(array, index);
    while (value < Double.longBitsToDouble(current)) {
      long witness =
          (long) slots.compareAndExchange(array, index, current, Double.doubleToRawLongBits(value));
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  static void max(VarHandle slots, long[] array, int index, double value) {
    long current = (long) slots.getOpaque(array, index);
    while (value > Double.longBitsToDouble(current)) {
      long witness =
          (long) slots.compareAndExchange(array, index, current, Double.doubleToRawLongBits(value));
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  static double exchange(VarHandle slots, long[] array, int index, long replacement) {
    return Double.longBitsToDouble((long) slots.getAndSet(array, index, replacement));
  }
}
