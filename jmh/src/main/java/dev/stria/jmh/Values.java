package dev.stria.jmh;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A per-thread cycle of precomputed values spread over the Prometheus default buckets
 * (0.001 s to 20 s, log-uniform), so benchmarks measure recording, not value generation.
 */
@State(Scope.Thread)
public class Values {
  private static final int SIZE = 1024; // a power of two: the cursor wraps with a mask

  private final double[] seconds = new double[SIZE];
  private final long[] nanos = new long[SIZE];
  private int cursor;

  public Values() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < SIZE; i++) {
      seconds[i] = Math.pow(10, -3 + random.nextDouble() * 4.3);
      nanos[i] = (long) (seconds[i] * 1e9);
    }
  }

  public double next() {
    return seconds[cursor++ & (SIZE - 1)];
  }

  public long nextNanos() {
    return nanos[cursor++ & (SIZE - 1)];
  }
}
