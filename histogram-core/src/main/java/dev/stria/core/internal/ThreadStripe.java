package dev.stria.core.internal;

/**
 * Chooses a stripe for the current thread from its id, without allocation or a thread-local
 * lookup.
 *
 * <p>Thread ids are handed out sequentially, so the Fibonacci hash below sends consecutive ids
 * (the threads of one pool, JMH's worker threads) to different stripes: two ids that differ by one
 * land 0.38 of the table apart, though not always in different slots of a small table (see
 * {@link #tableSlots(int)}). Two threads can still map to one slot; the second then takes the
 * slot after it in a {@link LongStripes} table, or records into the slot's shared stripe with
 * atomic adds, which costs contention on one cache line, never correctness.
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
    return powerOfTwo(2 * Runtime.getRuntime().availableProcessors(), 2);
  }

  /** {@link #tableSlots(int)} for this machine. */
  static int tableSlots() {
    return tableSlots(Runtime.getRuntime().availableProcessors());
  }

  /**
   * The slots of a counter's or explicit histogram's table ({@link LongStripes}): a power of two,
   * four times the processors, 4 to 64. Twice the processors were too few: a pool as busy as
   * twice the processors (JMH's four workers on 2 cores) has consecutive ids, and four
   * consecutive ids share a slot of a 4-slot table for 53% of first ids, while the hash spreads
   * up to five consecutive ids over 8 slots. The table's slots cost a few references each until
   * a thread claims one; the stripes are allocated only for threads that record.
   */
  static int tableSlots(int processors) {
    return powerOfTwo(4 * processors, 4);
  }

  /** {@code wanted} rounded up to a power of two, at least {@code min}, at most 64. */
  private static int powerOfTwo(int wanted, int min) {
    int count = Integer.highestOneBit(Math.max(min, Math.min(64, wanted)) - 1) << 1;
    return Math.max(min, count);
  }
}
