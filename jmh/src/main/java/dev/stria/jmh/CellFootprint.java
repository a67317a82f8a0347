package dev.stria.jmh;

import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExplicitBucketHistogram;
import dev.stria.core.internal.ExponentialHistogram;
import dev.stria.core.internal.StripedCounter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retained heap per recording cell, written by one thread and then by a second one: the memory
 * side of the striping trade-off. Run: {@code java -cp jmh/target/benchmarks.jar
 * dev.stria.jmh.CellFootprint}.
 */
public final class CellFootprint {
  private static final int CELLS = 10_000;

  private CellFootprint() {}

  public static void main(String[] args) throws Exception {
    BucketBounds bounds = new BucketBounds(BucketBounds.prometheusDefault(), 1e-9);
    measure("StripedCounter", StripedCounter::new, c -> c.add(1L));
    measure("ExplicitBucketHistogram (11 bounds)", () -> new ExplicitBucketHistogram(bounds),
        h -> h.record(0.042));
    // Values over four decades (1 ms .. 10 s), as a latency histogram sees them.
    measure("ExponentialHistogram (1 ms..10 s)", ExponentialHistogram::new, h -> {
      for (double v = 0.001; v <= 10; v *= 1.01) {
        h.record(v);
      }
    });
  }

  private static <T> void measure(String name, Supplier<T> factory, Consumer<T> record)
      throws Exception {
    Object[] cells = new Object[CELLS];
    long before = usedHeap();
    for (int i = 0; i < CELLS; i++) {
      cells[i] = factory.get();
    }
    long created = usedHeap();
    recordAll(cells, record);
    long oneThread = usedHeap();
    Thread second = new Thread(() -> recordAll(cells, record));
    second.start();
    second.join();
    long twoThreads = usedHeap();
    System.out.printf("%-40s empty %6d B   1 thread %6d B   2 threads %6d B   per cell%n",
        name, (created - before) / CELLS, (oneThread - before) / CELLS,
        (twoThreads - before) / CELLS);
    if (cells.length != CELLS) {
      throw new AssertionError(); // keeps the cells reachable until the last measurement
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void recordAll(Object[] cells, Consumer<T> record) {
    for (Object cell : cells) {
      record.accept((T) cell);
    }
  }

  private static long usedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
