package dev.stria.jmh;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floor every recording path is compared with: one uncontended {@code getAndAdd} per
 * operation, each thread on its own cache line of a shared {@link AtomicLongArray}.
 */
@State(Scope.Benchmark)
public class PerThreadAtomicFloor {
  /** Longs between two threads' slots: 128 bytes, past the adjacent-line prefetcher. */
  private static final int SPACING = 16;
  private static final int MAX_THREADS = 64;

  private final AtomicLongArray slots = new AtomicLongArray(SPACING * (MAX_THREADS + 1));
  private final AtomicInteger nextSlot = new AtomicInteger(1);

  /** A thread's own slot index. */
  @State(Scope.Thread)
  public static class Slot {
    int index = -1;
  }

  public long add(Slot slot) {
    if (slot.index < 0) {
      slot.index = SPACING * (nextSlot.getAndIncrement() % MAX_THREADS + 1);
    }
    return slots.getAndAdd(slot.index, 1);
  }
}
