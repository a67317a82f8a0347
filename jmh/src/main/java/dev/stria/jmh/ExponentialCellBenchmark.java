package dev.stria.jmh;

import dev.stria.core.internal.ExponentialHistogram;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exponential histogram cell's record beside the floor it is judged against: one uncontended
 * {@code getAndAdd} per thread on a padded slot of its own. All threads share one cell. Run at
 * {@code -t 1} and {@code -t 2} with {@code -prof gc}; the target is record &lt;= 3 x the floor and
 * 0 B/op.
 *
 * <p>Values are log-uniform over six decades (1 to 10^6, positive), so the index, the chunk and
 * the bucket change on every call as they would for real latencies; each thread walks its own
 * cursor through one shared array of 4096 values. {@code scale} shows that the record cost does
 * not depend on the recording scale (the indexer is one table load and one compare for any scale
 * above zero).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExponentialCellBenchmark {
  private static final int VALUES = 4096;

  private final PerThreadAtomicFloor floor = new PerThreadAtomicFloor();

  /** One cell shared by every thread, at the recording scale under test. */
  @State(Scope.Benchmark)
  public static class Cell {
    @Param({"0", "5", "8"})
    int scale;

    ExponentialHistogram histogram;
    final double[] values = new double[VALUES];

    @Setup
    public void setUp() {
      histogram = new ExponentialHistogram(scale);
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < VALUES; i++) {
        values[i] = Math.pow(10, random.nextDouble(0, 6));
      }
    }
  }

  /** Each thread's position in the value array. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      int i = next;
      next = (i + 1) & (VALUES - 1);
      return i;
    }
  }

  @Benchmark
  public void striaExponentialRecord(Cell cell, Cursor cursor) {
    cell.histogram.record(cell.values[cursor.advance()]);
  }

  @Benchmark
  public long atomicGetAndAddPerThread(PerThreadAtomicFloor.Slot slot) {
    return floor.add(slot);
  }
}
