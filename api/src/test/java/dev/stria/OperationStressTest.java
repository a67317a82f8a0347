package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Threads run calls of one operation, a known share of them failing by throwing, by {@code
 * error()} or by never reaching {@code ok()}, while a delta reader collects in a tight loop: the
 * deltas must add up to exactly the calls made, by status, and the collections must have
 * overlapped the calls (some of them saw a part of the calls only, or the race never happened).
 */
class OperationStressTest {
  private static final int WRITERS = 4;
  private static final int CALLS_PER_WRITER = 100_000;

  private final MeterRegistry registry = new MeterRegistry();
  private final Operation.Series orders = registry.operation("checkout")
      .naming(Operation.Naming.SPANMETRICS).labelNames("route").register().labels("/orders");

  /** What the delta reader saw, added up. */
  private static final class Totals {
    long ok;
    long error;
    long okDurations;
    long errorDurations;
    long active;
    int collections;
    int partialCollections;
  }

  @Test
  void statusesAreCountedExactlyWhileCollectionsRun() throws Exception {
    MetricReader delta = registry.newReader(Temporality.DELTA);
    Totals totals = new Totals();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger collections = new AtomicInteger();
    long expectedErrors = 0;
    for (int i = 0; i < CALLS_PER_WRITER; i++) {
      expectedErrors += fails(i) ? WRITERS : 0;
    }

    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < WRITERS; t++) {
      writers.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < CALLS_PER_WRITER; i++) {
          if (i == CALLS_PER_WRITER / 2) { // halfway, let collections surely run mid-writes
            int target = collections.get() + 2;
            while (collections.get() < target) {
              Thread.yield();
            }
          }
          callOnce(i);
        }
      }));
    }
    Thread collector = new Thread(() -> {
      await(start);
      try {
        while (writing.get()) {
          add(delta.collect(), totals, WRITERS * (long) CALLS_PER_WRITER);
          collections.incrementAndGet();
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    writers.forEach(Thread::start);
    collector.start();
    start.countDown();
    for (Thread writer : writers) {
      writer.join();
    }
    writing.set(false);
    collector.join();
    if (failure.get() != null) {
      throw new AssertionError("the collector failed", failure.get());
    }
    add(delta.collect(), totals, WRITERS * (long) CALLS_PER_WRITER);

    long calls = WRITERS * (long) CALLS_PER_WRITER;
    assertThat(totals.error).isEqualTo(expectedErrors);
    assertThat(totals.ok).isEqualTo(calls - expectedErrors);
    assertThat(totals.errorDurations).isEqualTo(expectedErrors);
    assertThat(totals.okDurations).isEqualTo(calls - expectedErrors);
    assertThat(totals.active).isZero();
    assertThat(totals.partialCollections)
        .as("collections that saw a part of the calls, of %d", totals.collections)
        .isGreaterThan(0);
  }

  /** Every seventh call fails: a third of those throw, a third call error(), a third skip ok(). */
  private static boolean fails(int i) {
    return i % 7 == 3;
  }

  private void callOnce(int i) {
    try (Operation.Call call = orders.start()) {
      if (fails(i)) {
        switch (i % 3) {
          case 0 -> throw new IllegalStateException("declined");
          case 1 -> call.error();
          default -> {
            return;
          }
        }
      }
      call.ok();
    } catch (IllegalStateException expected) {
      // counted as an error by the call: nothing to do here
    }
  }

  private static void add(List<MetricSnapshot> batch, Totals totals, long calls) {
    long seen = 0;
    for (MetricSnapshot metric : batch) {
      for (PointSnapshot point : metric.points()) {
        boolean ok = "STATUS_CODE_OK".equals(point.labels().get("status.code"));
        switch (metric.name()) {
          case "traces.span.metrics.calls" -> {
            long value = (long) ((CounterPoint) point).value();
            seen += value;
            if (ok) {
              totals.ok += value;
            } else {
              totals.error += value;
            }
          }
          case "traces.span.metrics.duration" -> {
            long count = ((HistogramPoint) point).count();
            if (ok) {
              totals.okDurations += count;
            } else {
              totals.errorDurations += count;
            }
          }
          case "traces.span.metrics.active" ->
              totals.active += (long) ((CounterPoint) point).value();
          default -> throw new AssertionError("unexpected metric " + metric.name());
        }
      }
    }
    totals.collections++;
    if (seen > 0 && seen < calls) {
      totals.partialCollections++;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
