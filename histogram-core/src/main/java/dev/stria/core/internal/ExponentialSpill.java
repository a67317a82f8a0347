package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.SLOT;

/**
 * The spill of an {@link ExponentialHistogram}: one small unpadded stripe that every thread
 * without a stripe of its own shares, with atomic adds, until the cell inflates ({@link
 * LongStripes}' rule, as {@link java.util.concurrent.atomic.LongAdder} keeps its base until
 * compare-and-sets fail, with a higher bar for contention: {@link #MEETINGS_BEFORE_INFLATING}). A
 * series that one thread records into and a few others touch now and then (a pool's threads
 * taking turns) then holds one owned stripe and this, not one owned stripe per thread (about 700
 * bytes each).
 *
 * <p><b>Layout.</b> The scalar slots of a shared stripe at the same indices ({@link
 * ExponentialStripe#newScalars}: frame, double sum, zero and dropped counts, min, max, side
 * slots), so that recording and draining them is the shared stripe's code, but without the
 * trailing padding; the slots before {@link ExponentialStripe#BASE}, padding in a padded stripe,
 * hold {@link #ENTRIES} bucket entries: a key (sign and bucket index, zero while free) and a count.
 * The {@code REQUEST} slot counts the records, as in {@link LongStripes}' spill, and the {@code
 * KIND} slot the records that met another thread's ({@link #stillSpilling}). 136 bytes without an
 * explicit view.
 *
 * <p><b>Entries.</b> A record looks for its bucket's entry and claims a free one with one
 * compare-and-set from zero; an entry's key is never changed again, so a count is only ever added
 * to the entry of its own bucket, and a drain that finds a key exchanges its count with zero. A
 * record whose bucket finds no entry (all taken by other buckets) writes nothing here: the cell
 * inflates and the record goes to the table. A bounded scan with at most one compare-and-set per
 * entry: wait-free.
 */
final class ExponentialSpill {
  private ExponentialSpill() {}

  /** Bucket entries: a key and a count each, in the slots before the scalars. */
  static final int ENTRIES = ExponentialStripe.BASE / 2;

  /**
   * Records that must meet another thread's before the cell inflates. A counter inflates on the
   * first meeting, as {@code LongAdder} does: its padded stripes cost about 200 bytes. A thread's
   * own exponential stripe costs 700 bytes at first and kilobytes once values spread, so one
   * chance meeting of two threads on a series (a pool's threads walking the same series at the
   * same moment) does not buy one: in {@code SeriesMemory}'s four writers, inflating on the first
   * meeting cost 1,024 bytes per series on average, 917 with this count (client_java native-only
   * 943), as if about one series in ten had inflated; two threads that really keep meeting reach
   * this count within microseconds.
   */
  static final long MEETINGS_BEFORE_INFLATING = 8;

  private static final int RECORDS = ExponentialStripe.BASE + LongStripes.REQUEST;
  private static final int MEETINGS = ExponentialStripe.BASE + LongStripes.KIND;

  private static final long PRESENT = 1L << 33;
  private static final long NEGATIVE = 1L << 32;

  /** An empty spill for a cell with {@code sideSlots} side slots. */
  static long[] create(int sideSlots) {
    long[] spill = new long[ExponentialStripe.SIDE + sideSlots];
    spill[ExponentialStripe.MIN] = DoubleBits.POSITIVE_INFINITY;
    spill[ExponentialStripe.MAX] = DoubleBits.NEGATIVE_INFINITY;
    return spill;
  }

  /**
   * Counts a record into the spill: true while the cell should keep spilling. One compare-and-set
   * of the record count, never retried; when it fails (another thread counted in between) the
   * meeting is counted instead (one {@code getAndAdd}). False once {@link
   * LongStripes#SPILL_RECORDS_BEFORE_INFLATING} records or {@link #MEETINGS_BEFORE_INFLATING}
   * meetings were counted: the caller inflates.
   */
  static boolean stillSpilling(long[] spill) {
    long seen = (long) SLOT.getOpaque(spill, RECORDS);
    if (seen >= LongStripes.SPILL_RECORDS_BEFORE_INFLATING) {
      return false;
    }
    return SLOT.compareAndSet(spill, RECORDS, seen, seen + 1)
        || (long) SLOT.getAndAdd(spill, MEETINGS, 1L) + 1 < MEETINGS_BEFORE_INFLATING;
  }

  /**
   * The slot counting bucket {@code index} of one sign: its entry's count, claimed now if no entry
   * has the bucket yet; -1 when every entry holds another bucket.
   */
  static int countSlot(long[] spill, boolean negative, int index) {
    long key = PRESENT | (negative ? NEGATIVE : 0) | (index & 0xFFFF_FFFFL);
    for (int e = 0; e < ENTRIES; e++) {
      int keySlot = 2 * e;
      long found = (long) SLOT.getAcquire(spill, keySlot);
      if (found == 0) {
        found = (long) SLOT.compareAndExchange(spill, keySlot, 0L, key);
        if (found == 0) {
          return keySlot + 1; // claimed: the key is published before any count
        }
      }
      if (found == key) {
        return keySlot + 1;
      }
    }
    return -1;
  }

  /** Exchanges each claimed entry's count with zero, handing non-zero counts to {@code drain}. */
  static void drainEntries(long[] spill, OwnedExponentialStripe.BucketCounts drain) {
    for (int e = 0; e < ENTRIES; e++) {
      long key = (long) SLOT.getAcquire(spill, 2 * e);
      if (key != 0 && (long) SLOT.getVolatile(spill, 2 * e + 1) != 0) {
        long n = (long) SLOT.getAndSet(spill, 2 * e + 1, 0L);
        drain.add((key & NEGATIVE) != 0, (int) key, n);
      }
    }
  }
}
