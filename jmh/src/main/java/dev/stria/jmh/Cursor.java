package dev.stria.jmh;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A thread's position in the {@link Observations} tables: one {@code int} increment and one array
 * load per value, the same for every library, and no allocation.
 */
@State(Scope.Thread)
public class Cursor {
  private int next;

  /** The next value in seconds spread over the Prometheus default buckets. */
  public double explicitSeconds() {
    return Observations.EXPLICIT_SECONDS[next++ & Observations.MASK];
  }

  /** The same value as {@link #explicitSeconds()} would give, in nanoseconds. */
  public long explicitNanos() {
    return Observations.EXPLICIT_NANOS[next++ & Observations.MASK];
  }

  /** The next log-uniform value in seconds, 1 ms to 1000 s. */
  public double exponentialSeconds() {
    return Observations.EXPONENTIAL_SECONDS[next++ & Observations.MASK];
  }

  /** The same value as {@link #exponentialSeconds()} would give, in microseconds. */
  public long exponentialMicros() {
    return Observations.EXPONENTIAL_MICROS[next++ & Observations.MASK];
  }

  /** The next index below {@code size}, a power of two: which series a lookup benchmark hits. */
  public int nextIndex(int size) {
    return next++ & (size - 1);
  }
}
