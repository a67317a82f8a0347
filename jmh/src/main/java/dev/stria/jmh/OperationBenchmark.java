package dev.stria.jmh;

import dev.stria.Operation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One successful call of an operation around an empty block (start and close, both clock reads
 * included) beside what a user would write by hand without operations: a Stria timer into a
 * histogram plus a counter increment, and the same with an up-down counter of calls in flight.
 * Every side records into the same kind of cells (histogram in seconds with Prometheus' default
 * buckets, one label set), with a cumulative reader attached that never collects.
 *
 * <p>Issue 13's target: {@code operation <= 1.2 x timerPlusCounter}, 0 B/op ({@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperationBenchmark {
  private dev.stria.Histogram.Series duration;
  private dev.stria.Counter.Series calls;
  private dev.stria.UpDownCounter.Series active;
  private Operation.Series operation;
  private Operation.Series spanMetrics;

  @Setup
  public void setUp() {
    StriaSetup stria = new StriaSetup();
    duration = stria.explicitHistogram("duration").labels("/orders");
    calls = stria.counter("calls").labels("/orders");
    active = stria.registry().upDownCounter("active").labelNames(Peers.LABEL).register()
        .labels("/orders");
    operation = stria.registry().operation("checkout").labelNames(Peers.LABEL).register()
        .labels("/orders");
    spanMetrics = stria.registry().operation("checkout")
        .naming(Operation.Naming.SPANMETRICS).labelNames(Peers.LABEL).register()
        .labels("/orders");
  }

  /** The baseline of issue 13: a timer and a counter, written by hand. */
  @Benchmark
  @SuppressWarnings("try")
  public void timerPlusCounter() {
    try (dev.stria.Timer timer = duration.startTimer()) {
      calls.inc();
    }
  }

  /** The hand-written equivalent of an operation: timer, counter and calls in flight. */
  @Benchmark
  @SuppressWarnings("try")
  public void timerCounterAndActive() {
    active.inc();
    try (dev.stria.Timer timer = duration.startTimer()) {
      calls.inc();
    }
    active.dec();
  }

  /** One call under Stria's names: status, duration in seconds, calls in flight. */
  @Benchmark
  public void operation() {
    try (Operation.Call call = operation.start()) {
      call.ok();
    }
  }

  /** One call under the spanmetrics connector's names: the duration in milliseconds. */
  @Benchmark
  public void operationSpanMetrics() {
    try (Operation.Call call = spanMetrics.start()) {
      call.ok();
    }
  }
}
