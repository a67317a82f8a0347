package dev.stria.jmh;

import dev.stria.core.internal.BucketBounds;
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
 * Linear scan against binary search for the bucket of a value, by bound count: where the
 * crossover lies decides {@code BucketBounds.LINEAR_SCAN_MAX}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BucketIndexBenchmark {
  @Param({"4", "11", "16", "32", "64"})
  int boundCount;

  private double[] bounds;
  private final double[] values = new double[1024];
  private int cursor;

  @Setup
  public void setUp() {
    bounds = new double[boundCount];
    for (int i = 0; i < boundCount; i++) {
      bounds[i] = Math.pow(2, i - boundCount / 2.0);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.pow(2, (random.nextDouble() - 0.5) * (boundCount + 2));
    }
  }

  @Benchmark
  public int linearScan() {
    double v = values[cursor++ & 1023];
    int i = 0;
    while (i < bounds.length && v > bounds[i]) {
      i++;
    }
    return i;
  }

  /** Counts the bounds below the value without a data-dependent branch. */
  @Benchmark
  public int branchlessCount() {
    double v = values[cursor++ & 1023];
    int i = 0;
    for (double bound : bounds) {
      i += v > bound ? 1 : 0;
    }
    return i;
  }

  @Benchmark
  public int binarySearch() {
    double v = values[cursor++ & 1023];
    int lo = 0;
    int hi = bounds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v > bounds[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Benchmark
  public int striaBucketBounds(BoundsState state) {
    return state.bucketBounds.indexOf(values[cursor++ & 1023]);
  }

  /** The production search over the same bounds. */
  @State(Scope.Thread)
  public static class BoundsState {
    BucketBounds bucketBounds;

    @Setup
    public void setUp(BucketIndexBenchmark benchmark) {
      bucketBounds = new BucketBounds(benchmark.bounds);
    }
  }
}
