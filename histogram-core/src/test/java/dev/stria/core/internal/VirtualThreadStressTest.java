package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Tens of thousands of short-lived virtual threads record into one cell of each kind while a
 * drainer runs: the totals are exact, and once every thread has ended and a drain has run, the
 * stripes held are bounded by the table size, not by the number of threads that ever recorded.
 *
 * <p>Virtual threads exist from Java 21; the build targets 17, so the executor is reached by
 * reflection and the test runs on 21 and later (CI runs the tests on Java 25 as well).
 */
class VirtualThreadStressTest {
  private static final int TASKS = 50_000;

  private static ExecutorService virtualThreadPerTask() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
    return (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }

  @Test
  void shortLivedVirtualThreadsCountExactlyAndLeaveBoundedStripes() throws Exception {
    virtualThreadPerTask().shutdown(); // skips the test before Java 21
    StressRun.repeat(() -> {
      ExecutorService executor = virtualThreadPerTask();
      StripedCounter counter = new StripedCounter();
      ExplicitBucketHistogram explicit = new ExplicitBucketHistogram(new BucketBounds(1, 2));
      ExponentialHistogram exponential = new ExponentialHistogram(5, new BucketBounds(1, 2));
      long[] counted = new long[1];
      HistogramData explicitTotal = new HistogramData(3);
      ExponentialHistogramData exponentialTotal = new ExponentialHistogramData(5);
      HistogramData viewTotal = new HistogramData(3);
      AtomicBoolean running = new AtomicBoolean(true);
      int[] drains = new int[1];
      Thread drainer = new Thread(() -> {
        while (running.get()) {
          counted[0] += counter.drain().longPart();
          explicit.drainInto(explicitTotal);
          exponential.drainInto(exponentialTotal, viewTotal);
          drains[0]++;
        }
      });
      drainer.start();
      for (int i = 0; i < TASKS; i++) {
        double value = i % 3 + 0.5;
        executor.execute(() -> {
          counter.add(1L);
          explicit.record(value);
          exponential.record(value);
        });
      }
      executor.shutdown();
      assertThat(executor.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      running.set(false);
      drainer.join();
      // One drain retires the stripes of ended owners; the next finds none of theirs.
      counted[0] += counter.drain().longPart();
      explicit.drainInto(explicitTotal);
      exponential.drainInto(exponentialTotal, viewTotal);

      assertThat(drains[0]).as("drains while the tasks ran").isPositive();
      assertThat(counted[0]).isEqualTo(TASKS);
      assertThat(explicitTotal.bucketCounts())
          .containsExactly(TASKS / 3 + 1, TASKS / 3 + 1, TASKS / 3);
      assertThat(viewTotal.bucketCounts()).containsExactly(explicitTotal.bucketCounts());
      assertThat(exponentialTotal.count()).isEqualTo(TASKS);
      assertThat(counter.stripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots());
      assertThat(explicit.stripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots());
      assertThat(exponential.stripesInUse()).as("shared stripes and the spill")
          .isLessThanOrEqualTo(ThreadStripe.stripeCount() + 1);
    });
  }
}
