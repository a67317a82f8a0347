package dev.stria.jmh;

import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExplicitBucketHistogram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The explicit-bucket histogram cell (11 Prometheus bounds, values spread over every bucket)
 * beside one uncontended {@code getAndAdd} per thread. All threads share one cell.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExplicitCellBenchmark {
  private final ExplicitBucketHistogram histogram =
      new ExplicitBucketHistogram(new BucketBounds(BucketBounds.prometheusDefault(), 1e-9));
  private final PerThreadAtomicFloor floor = new PerThreadAtomicFloor();

  @Benchmark
  public void striaExplicitRecord(Values values) {
    histogram.record(values.next());
  }

  @Benchmark
  public void striaExplicitRecordNanos(Values values) {
    histogram.recordLong(values.nextNanos());
  }

  @Benchmark
  public void atomicGetAndAddPerThread(PerThreadAtomicFloor.Slot slot) {
    floor.add(slot);
  }
}
