package dev.stria.core.internal;

/**
 * Chooses a stripe for the current thread from its id, without allocation or a thread-local
 * lookup.
 *
 * <p>Thread ids are handed out sequentially, so the Fibonacci hash below sends consecutive ids
 * (the threads of one pool, JMH's worker threads) to different stripes: two ids that differ by one
 * land 0.38 of the table apart. Two unrelated threads can still map to one slot; the second then
 * records into the slot's shared stripe with atomic adds ({@link LongStripes}), which costs
 * contention on one cache line, never correctness.
 */
final class ThreadStripe {
  private ThreadStripe() {}

  /** A well-spread 32-bit hash of the current thread's id; callers keep the top bits they need. */
  static int hash() {
    return hash(Thread.currentThread().getId());
  }

  /** {@link #hash()} of a given thread id. */
  static int hash(long threadId) {
    return (int) (threadId * 0x9E3779B97F4A7C15L >>> 32);
  }

  /** The number of stripes a cell may use: a power of two, twice the processors, 2 to 64. */
  static int stripeCount() {
    int wanted = 2 * Runtime.getRuntime().availableProcessors();
    int count = Integer.highestOneBit(Math.max(2, Math.min(64, wanted)) - 1) << 1;
    return Math.max(2, count);
  }
}
