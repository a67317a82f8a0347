package dev.stria.core.internal;

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
 * Per sign, the owner counts into one dense {@code int[]} window: slot 0 holds the bucket index
 * of slot 1, and slot {@code 1 + i} the count of bucket {@code base + i}. A window starts empty
 * (a shared sentinel of length 1) and is replaced by a larger copy when a value falls outside it:
 * the owner copies its counts into the new window, then publishes it with a release store, then
 * counts into it. Because only the owner writes, copying loses nothing: after the copy the old
 * window is never written again, and each bucket's count in the new window is at least what any
 * reader saw in the old one, so the collector's "count now minus count last read" is right in
 * whichever window it reads.
 *
 * <p>Counts are {@code int}s that never wrap: a bucket whose count has reached {@link
 * Integer#MAX_VALUE} (two billion values of one bucket by one thread) stays there, and its later
 * values are recorded in the slot's shared stripe, as are values that would stretch a window
 * beyond {@link #MAX_WINDOW} buckets. Such a value goes to the shared stripe whole (sum, min,
 * max and count), so a drain that takes its count also takes its sum. Ints halve the memory of a
 * window and of the collector's readings: together they cost what one {@code long} per bucket of
 * an atomic stripe costs.
 *
 * <h2>Collector state</h2>
 * The collector keeps what it last read: {@link #seenScalars} for the scalar slots and one window
 * of readings per sign, aligned with the newest window it has seen. These fields are touched by
 * drains only, which the cell serialises.
 */
final class OwnedExponentialStripe {
  /** The buckets of a first window: half an octave at scale 5. */
  static final int FIRST_WINDOW = 16;

  /** The most buckets a window holds (16 KiB): 128 octaves at scale 5, 16 at scale 8. */
  static final int MAX_WINDOW = 4096;

  /** The window of a sign never recorded: no bucket fits in it. */
  private static final int[] EMPTY = new int[1];

  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle POSITIVE = window("positive");
  private static final VarHandle NEGATIVE = window("negative");

  private static VarHandle window(String field) {
    try {
      return MethodHandles.lookup().findVarHandle(OwnedExponentialStripe.class, field, int[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The only thread that writes this stripe. */
  final Thread owner;

  /** Frame, double sum, zero, dropped, min, max and side slots: {@link ExponentialStripe}'s. */
  final long[] scalars;

  // Written by the owner only (release stores through the handles); the owner reads them plainly.
  private int[] positive = EMPTY;
  private int[] negative = EMPTY;

  // The collector's readings: see the class comment.
  long[] seenScalars;
  private int[] seenPositive = EMPTY;
  private int[] seenNegative = EMPTY;

  OwnedExponentialStripe(Thread owner, int sideSlots) {
    this.owner = owner;
    this.scalars = ExponentialStripe.newScalars(sideSlots);
    this.seenScalars = new long[ExponentialStripe.scalarWidth(sideSlots)];
  }

  /**
   * Owner only: the window of one sign that holds bucket {@code index} with room for one more
   * count, grown to hold it if needed; null if the bucket is full or the window would grow wider
   * than {@link #MAX_WINDOW} (the shared stripe takes the value then).
   */
  int[] windowFor(boolean negativeSign, int index) {
    int[] window = negativeSign ? negative : positive;
    int offset = index - window[0];
    if (Integer.compareUnsigned(offset, window.length - 1) >= 0) {
      window = grow(negativeSign, window, index);
      if (window == null) {
        return null;
      }
      offset = index - window[0];
    }
    return window[1 + offset] != Integer.MAX_VALUE ? window : null;
  }

  /** Owner only: adds one to bucket {@code index} of a window from {@link #windowFor}. */
  static void increment(int[] window, int index) {
    int slot = 1 + index - window[0];
    COUNT.setRelease(window, slot, window[slot] + 1); // StoreStore: the sum, min and max first
  }

  /**
   * A copy of {@code window} that also holds {@code index}: half as large again (at least), with
   * the new room on the side the index lies, since values tend to keep spreading that way.
   */
  private int[] grow(boolean negativeSign, int[] window, int index) {
    int oldLength = window.length - 1;
    int oldBase = window[0];
    long low = oldLength == 0 ? index : Math.min(oldBase, index);
    long high = oldLength == 0 ? index : Math.max(oldBase + oldLength - 1L, index);
    long span = high - low + 1;
    if (span > MAX_WINDOW) {
      return null;
    }
    long wanted = Math.max(FIRST_WINDOW, Math.max(span + FIRST_WINDOW / 2, oldLength * 3L / 2));
    int length = (int) Math.min(MAX_WINDOW, wanted);
    long room = length - span;
    long base;
    if (oldLength == 0) {
      base = low - room / 2;
    } else if (index < oldBase) {
      base = low - room; // growing downwards: keep the top
    } else {
      base = low; // growing upwards: keep the bottom
    }
    int[] grown = new int[1 + length];
    grown[0] = (int) base;
    if (oldLength > 0) {
      System.arraycopy(window, 1, grown, (int) (1 + oldBase - base), oldLength);
    }
    // Release: a collector that loads the new window sees the copied counts.
    (negativeSign ? NEGATIVE : POSITIVE).setRelease(this, grown);
    return grown;
  }

  /** Collector only: each bucket's growth since the last drain, handed to {@code counts}. */
  void drainWindows(BucketCounts counts) {
    seenPositive = drainWindow((int[]) POSITIVE.getAcquire(this), seenPositive, false, counts);
    seenNegative = drainWindow((int[]) NEGATIVE.getAcquire(this), seenNegative, true, counts);
  }

  private static int[] drainWindow(
      int[] window, int[] seen, boolean negativeSign, BucketCounts counts) {
    if (window.length == 1) {
      return seen;
    }
    int[] readings = seen;
    if (readings.length != window.length || readings[0] != window[0]) {
      // The window grew since the last drain: it contains every bucket the old one had.
      readings = new int[window.length];
      readings[0] = window[0];
      if (seen.length > 1) {
        System.arraycopy(seen, 1, readings, 1 + seen[0] - window[0], seen.length - 1);
      }
    }
    int base = window[0];
    for (int i = 1; i < window.length; i++) {
      int now = (int) COUNT.getAcquire(window, i);
      if (now != readings[i]) {
        counts.add(negativeSign, base + i - 1, now - readings[i]); // never wraps: counts saturate
        readings[i] = now;
      }
    }
    return readings;
  }

  /** The number of buckets the owner's windows hold, for memory tests. */
  int windowBuckets() {
    return ((int[]) POSITIVE.getAcquire(this)).length - 1
        + ((int[]) NEGATIVE.getAcquire(this)).length - 1;
  }

  /** Owner only, for tests: sets bucket {@code index}'s count as if that many values had come. */
  void setCountForTest(boolean negativeSign, int index, int count) {
    int[] window = windowFor(negativeSign, index);
    COUNT.setRelease(window, 1 + index - window[0], count);
  }

  /** Where a drain puts the growth of one bucket. */
  @FunctionalInterface
  interface BucketCounts {
    void add(boolean negative, int index, long n);
  }
}
