package dev.stria.core.internal;

import static dev.stria.core.internal.LongStripes.SLOT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's own stripe of an {@link ExponentialHistogram}: written by its owner only, with
 * plain reads and release stores (no atomic instruction), and read by the collector, which
 * subtracts what it read last time. The protocol is {@link LongStripes}' for owned stripes
 * (ownership by the {@link Thread} object, the double sum in frames, counts before sums, a dead
 * owner's stripe drained once more and retired); this class adds the bucket windows.
 *
 * <h2>Bucket windows</h2>
 * Per sign, the owner counts into one dense {@code long[]} window: slot 0 holds the bucket index
 * of slot 1, and slot {@code 1 + i} the count of bucket {@code base + i}. A window starts empty
 * (a shared sentinel of length 1) and is replaced by a larger copy when a value falls outside it:
 * the owner copies its counts into the new window, then publishes it with a release store, then
 * counts into it. Because only the owner writes, copying loses nothing: after the copy the old
 * window is never written again, and each bucket's count in the new window is at least what any
 * reader saw in the old one, so the collector's "count now minus count last read" is right in
 * whichever window it reads. A window never exceeds {@link #MAX_WINDOW} buckets: a value that
 * would stretch it further is recorded in the slot's shared stripe instead (sum, min, max and
 * count together, so a drain that takes its count also takes its sum).
 *
 * <h2>Collector state</h2>
 * The collector keeps what it last read: {@link #seenScalars} for the scalar slots and one window
 * of readings per sign, aligned with the newest window it has seen. These fields are touched by
 * drains only, which the cell serialises.
 *
 * <p>Memory: an owner recording one value holds the scalar array (about 200 bytes), one window of
 * {@link #FIRST_WINDOW} buckets (150 bytes) and this object; the collector's readings, once it
 * has drained the stripe, are as large again.
 */
final class OwnedExponentialStripe {
  /** The buckets of a first window: half an octave at scale 5. */
  static final int FIRST_WINDOW = 16;

  /** The most buckets a window holds (32 KiB): 128 octaves at scale 5, 16 at scale 8. */
  static final int MAX_WINDOW = 4096;

  /** The window of a sign never recorded: no bucket fits in it. */
  private static final long[] EMPTY = new long[1];

  private static final VarHandle POSITIVE = window("positive");
  private static final VarHandle NEGATIVE = window("negative");

  private static VarHandle window(String field) {
    try {
      return MethodHandles.lookup().findVarHandle(OwnedExponentialStripe.class, field, long[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The only thread that writes this stripe. */
  final Thread owner;

  /** Frame, double sum, zero, dropped, min, max and side slots: {@link ExponentialStripe}'s. */
  final long[] scalars;

  // Written by the owner only (release stores through the handles); the owner reads them plainly.
  private long[] positive = EMPTY;
  private long[] negative = EMPTY;

  // The collector's readings: see the class comment.
  long[] seenScalars;
  private long[] seenPositive = EMPTY;
  private long[] seenNegative = EMPTY;

  OwnedExponentialStripe(Thread owner, int sideSlots) {
    this.owner = owner;
    this.scalars = ExponentialStripe.newScalars(sideSlots);
    this.seenScalars = new long[ExponentialStripe.scalarWidth(sideSlots)];
  }

  /**
   * Owner only: the window of one sign that holds bucket {@code index}, grown to hold it if
   * needed, or null if that would make it wider than {@link #MAX_WINDOW}.
   */
  long[] windowFor(boolean negativeSign, int index) {
    long[] window = negativeSign ? negative : positive;
    if (Integer.compareUnsigned(index - (int) window[0], window.length - 1) < 0) {
      return window;
    }
    return grow(negativeSign, window, index);
  }

  /** Owner only: adds one to bucket {@code index} of a window from {@link #windowFor}. */
  static void increment(long[] window, int index) {
    int slot = 1 + index - (int) window[0];
    SLOT.setRelease(window, slot, window[slot] + 1); // StoreStore: the sum, min and max first
  }

  private long[] grow(boolean negativeSign, long[] window, int index) {
    int oldLength = window.length - 1;
    int oldBase = (int) window[0];
    long low = oldLength == 0 ? index : Math.min(oldBase, index);
    long high = oldLength == 0 ? index : Math.max(oldBase + oldLength - 1L, index);
    long span = high - low + 1;
    if (span > MAX_WINDOW) {
      return null;
    }
    long wanted = Math.max(FIRST_WINDOW, Math.max(span * 2, oldLength * 2L));
    int length = (int) Math.min(MAX_WINDOW, wanted);
    long base = low - (length - span) / 2;
    long[] grown = new long[1 + length];
    grown[0] = base;
    if (oldLength > 0) {
      System.arraycopy(window, 1, grown, (int) (1 + oldBase - base), oldLength);
    }
    // Release: a collector that loads the new window sees the copied counts.
    (negativeSign ? NEGATIVE : POSITIVE).setRelease(this, grown);
    return grown;
  }

  /** Collector only: each bucket's growth since the last drain, handed to {@code counts}. */
  void drainWindows(BucketCounts counts) {
    seenPositive = drainWindow((long[]) POSITIVE.getAcquire(this), seenPositive, false, counts);
    seenNegative = drainWindow((long[]) NEGATIVE.getAcquire(this), seenNegative, true, counts);
  }

  private static long[] drainWindow(
      long[] window, long[] seen, boolean negativeSign, BucketCounts counts) {
    if (window.length == 1) {
      return seen;
    }
    long[] readings = seen;
    if (readings.length != window.length || readings[0] != window[0]) {
      // The window grew since the last drain: it contains every bucket the old one had.
      readings = new long[window.length];
      readings[0] = window[0];
      if (seen.length > 1) {
        System.arraycopy(seen, 1, readings, (int) (1 + seen[0] - window[0]), seen.length - 1);
      }
    }
    int base = (int) window[0];
    for (int i = 1; i < window.length; i++) {
      long now = (long) SLOT.getAcquire(window, i);
      if (now != readings[i]) {
        counts.add(negativeSign, base + i - 1, now - readings[i]);
        readings[i] = now;
      }
    }
    return readings;
  }

  /** The number of buckets the owner's windows hold, for memory tests. */
  int windowBuckets() {
    return ((long[]) POSITIVE.getAcquire(this)).length - 1
        + ((long[]) NEGATIVE.getAcquire(this)).length - 1;
  }

  /** Where a drain puts the growth of one bucket. */
  @FunctionalInterface
  interface BucketCounts {
    void add(boolean negative, int index, long n);
  }
}
