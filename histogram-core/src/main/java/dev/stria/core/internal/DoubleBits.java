package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.SLOT;

/**
 * Lock-free updates of a {@code double} kept as raw bits in a slot of a {@code long[]} stripe.
 *
 * <p>These are compare-and-set loops, so they are lock-free, not wait-free: a retry happens only
 * when another thread changed the same slot between the read and the CAS, which for a stripe
 * means another thread mapped to the same stripe. Min and max read first and write only when the
 * value is a new extreme, so after warm-up they are two reads and one branch.
 *
 * <p>Why the shape matters. The slot handle is a {@code static final} here, never a parameter:
 * HotSpot turns a constant {@link java.lang.invoke.VarHandle} access into one instruction, but a
 * handle passed as an argument to a method it did not inline goes through the generic linkage
 * ({@code MethodHandle::linkToStatic}) on every call. And {@link #extend} keeps only the compares
 * inline and moves the rare CAS loops to a method of its own, so it stays small enough to be
 * inlined even when the JIT happens to compile it on its own first. Before both changes, a fork
 * of {@code ExplicitCellBenchmark} that compiled {@code max} before {@code record} ran at two to
 * three times the cost of one that did not. Min and max are one method with one branch and one
 * out-of-line call rather than two of each, which the exponential record measured faster (why is
 * inferred, not seen: the reads and branches were ruled out, leaving the second call site in the
 * inlined record; this VM gives no hardware counters). The exponential series observe ({@code
 * ExponentialHistogramBenchmark.stria}, five runs of four forks each, alternating builds) took
 * 16.3 ns on average with two and 14.4 ns with one (12.2 ns with no min and max at all); the
 * explicit one did not move (10.3 to 10.8 ns with two, 10.7 to 10.9 with one).
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

  /**
   * Lowers the slot at {@code minIndex} and raises the one at {@code maxIndex} to {@code value}
   * where it is a new extreme: both reads, then one branch to one out-of-line call, taken only on
   * a new extreme. {@code value} is finite.
   */
  static void extend(long[] array, int minIndex, int maxIndex, double value) {
    double min = Double.longBitsToDouble((long) SLOT.getOpaque(array, minIndex));
    double max = Double.longBitsToDouble((long) SLOT.getOpaque(array, maxIndex));
    if (value < min || value > max) {
      extendTo(array, minIndex, maxIndex, value);
    }
  }

  private static void extendTo(long[] array, int minIndex, int maxIndex, double value) {
    lowerTo(array, minIndex, value);
    raiseTo(array, maxIndex, value);
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
