package dev.stria.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The last value of a gauge, which {@link #set(double)} replaces and {@link #add(double)} moves.
 *
 * <p>A gauge is one value, so it is not striped: striping would make {@code set} ambiguous.
 * {@link #set(double)} is <b>wait-free</b>: one release store, a plain store on x86-64. A volatile
 * store would add a full fence ({@code lock addl}) for an ordering nobody needs: a gauge's value
 * publishes nothing else, and a collection's volatile read sees the latest completed store. {@link #add(double)} is
 * <b>lock-free</b>: a compare-and-set loop that retries only when another thread changed the
 * value in between. {@link #get()} returns the latest completed write; a collection never
 * changes the value.
 */
public final class GaugeCell {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(GaugeCell.class, "bits", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through VALUE
  private volatile long bits = Double.doubleToRawLongBits(0.0);

  /** Replaces the value. */
  public void set(double value) {
    VALUE.setRelease(this, Double.doubleToRawLongBits(value));
  }

  /** Adds {@code delta} (a compare-and-set loop: lock-free, not wait-free). */
  public void add(double delta) {
    long current = (long) VALUE.getVolatile(this);
    while (true) {
      long next = Double.doubleToRawLongBits(Double.longBitsToDouble(current) + delta);
      long witness = (long) VALUE.compareAndExchange(this, current, next);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  /** The current value. */
  public double get() {
    return Double.longBitsToDouble((long) VALUE.getVolatile(this));
  }
}
