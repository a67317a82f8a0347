package dev.stria.jmh;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.Registration;
import dev.stria.jvm.JvmMetrics;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code JvmMetrics} costs: one collection of a cumulative reader on a registry that holds
 * only the JVM and process metrics, every callback read (memory pools, threads, classes, CPU,
 * file descriptors, {@code /proc/self/status}) and the GC histogram snapshotted. A {@code
 * System.gc()} in the setup gives {@code jvm.gc.duration} its series. Nothing else runs in the
 * JVM, so the thread count is the benchmark's own (about 15 threads); the thread reading grows
 * with the threads a service has.
 *
 * <p>Run with {@code -prof gc} for the bytes allocated per collection. The target: at
 * most 50 µs per collection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JvmMetricsBenchmark {
  private Registration jvm;
  private MetricReader reader;

  @Setup
  public void setUp() throws InterruptedException {
    MeterRegistry registry = new MeterRegistry();
    jvm = JvmMetrics.register(registry);
    reader = registry.newReader(Temporality.CUMULATIVE);
    System.gc();
    Thread.sleep(200); // the GC notification arrives on the JDK's notification thread
  }

  @TearDown
  public void tearDown() {
    jvm.close();
  }

  @Benchmark
  public List<MetricSnapshot> collectAll() {
    return reader.collect();
  }
}
