package dev.stria.jmh;

import dev.stria.core.internal.StripedCounter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
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
 * The striped counter cell beside its two floors: {@link LongAdder#increment()} and one {@code
 * getAndAdd} per thread on a padded slot of its own. All threads share one cell.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CounterCellBenchmark {
  private final StripedCounter counter = new StripedCounter();
  private final LongAdder adder = new LongAdder();
  private final PerThreadAtomicFloor floor = new PerThreadAtomicFloor();

  @Benchmark
  public void striaCounterAdd() {
    counter.add(1L);
  }

  @Benchmark
  public void longAdderIncrement() {
    adder.increment();
  }

  @Benchmark
  public void atomicGetAndAddPerThread(PerThreadAtomicFloor.Slot slot) {
    floor.add(slot);
  }
}
