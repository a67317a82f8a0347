package dev.stria.jmh;

import java.util.SplittableRandom;

/**
 * Precomputed values that every histogram benchmark records, so no benchmark computes or
 * allocates its input. The tables are filled once, with a fixed seed, in a shuffled order: a
 * bucket search cannot profit from a predictable sequence.
 *
 * <p>Each table holds {@link #SIZE} entries; a {@link Cursor} walks them, one cursor per thread.
 */
public final class Observations {
  /** The Prometheus default bucket bounds in seconds: the explicit histogram of every library. */
  static final double[] PROMETHEUS_BOUNDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** Entries per table, a power of two so that a cursor wraps with a mask. */
  public static final int SIZE = 4096;

  static final int MASK = SIZE - 1;

  /**
   * Seconds spread evenly over the 12 buckets of {@link #PROMETHEUS_BOUNDS} (the last one is
   * {@code (10, 20]}), uniform inside each bucket.
   */
  static final double[] EXPLICIT_SECONDS = new double[SIZE];

  /** {@link #EXPLICIT_SECONDS} in whole nanoseconds, for peers that record {@code long}s. */
  static final long[] EXPLICIT_NANOS = new long[SIZE];

  /** Log-uniform seconds over six decades, 1 ms to 1000 s: what exponential buckets are for. */
  static final double[] EXPONENTIAL_SECONDS = new double[SIZE];

  /** {@link #EXPONENTIAL_SECONDS} in whole microseconds, for HdrHistogram. */
  static final long[] EXPONENTIAL_MICROS = new long[SIZE];

  static {
    SplittableRandom random = new SplittableRandom(20261122L);
    int buckets = PROMETHEUS_BOUNDS.length + 1;
    for (int i = 0; i < SIZE; i++) {
      int bucket = i % buckets;
      double low = bucket == 0 ? 0.0 : PROMETHEUS_BOUNDS[bucket - 1];
      double high = bucket < PROMETHEUS_BOUNDS.length ? PROMETHEUS_BOUNDS[bucket] : 20.0;
      EXPLICIT_SECONDS[i] = low + (high - low) * (1.0 - random.nextDouble()); // (low, high]
      EXPONENTIAL_SECONDS[i] = Math.pow(10.0, -3.0 + 6.0 * random.nextDouble());
    }
    shuffle(EXPLICIT_SECONDS, random);
    shuffle(EXPONENTIAL_SECONDS, random);
    for (int i = 0; i < SIZE; i++) {
      EXPLICIT_NANOS[i] = Math.round(EXPLICIT_SECONDS[i] * 1e9);
      EXPONENTIAL_MICROS[i] = Math.max(1L, Math.round(EXPONENTIAL_SECONDS[i] * 1e6));
    }
  }

  private Observations() {}

  private static void shuffle(double[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
