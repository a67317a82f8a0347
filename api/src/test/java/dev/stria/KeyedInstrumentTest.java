package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A keyed instrument (the bridges' SPI) finds a series by key equality, and takes a shortcut for
 * the key object of the series it created last: the shortcut must never return another key's
 * series, whichever keys were created since, by whichever thread, past the cardinality limit too.
 */
class KeyedInstrumentTest {
  private static final Labels OVERFLOW = Labels.of("overflow", "true");

  private static KeyedInstrument<List<String>, Counter.Series> counter(MeterRegistry registry) {
    return ScopedInstruments.of(registry, new InstrumentationScope("test", ""))
        .counter("requests", "", "", true, OVERFLOW, key -> Labels.of("k", String.join("/", key)));
  }

  @Test
  void equalKeysReachOneSeriesWhicheverKeyWasCreatedLast() {
    MeterRegistry registry = new MeterRegistry();
    KeyedInstrument<List<String>, Counter.Series> requests = counter(registry);
    List<String> a = List.of("a");
    List<String> b = List.of("b");

    requests.series(a).add(1);
    requests.series(b).add(10); // b is now the last created
    requests.series(a).add(1);
    requests.series(new ArrayList<>(a)).add(1); // equal, not the same object
    requests.series(b).add(10);

    List<MetricSnapshot> batch = registry.newReader(Temporality.CUMULATIVE).collect();
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("k", "a"))).isEqualTo(3.0);
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("k", "b"))).isEqualTo(20.0);
    assertThat(requests.series(a)).isSameAs(requests.series(List.of("a")))
        .isNotSameAs(requests.series(b));
  }

  @Test
  void keysPastTheLimitShareTheOverflowSeriesAndEarlierKeysKeepTheirOwn() {
    MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(2).build();
    KeyedInstrument<List<String>, Counter.Series> requests = counter(registry);
    List<String> a = List.of("a");
    List<String> b = List.of("b");
    List<String> c = List.of("c");

    requests.series(a).add(1);
    requests.series(b).add(1);
    requests.series(c).add(100); // past the limit: the overflow series, now the last created
    requests.series(a).add(1);
    requests.series(c).add(100);
    requests.series(List.of("d")).add(1000);

    List<MetricSnapshot> batch = registry.newReader(Temporality.CUMULATIVE).collect();
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("k", "a"))).isEqualTo(2.0);
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("k", "b"))).isEqualTo(1.0);
    assertThat(Snapshots.counterValue(batch, "requests", OVERFLOW)).isEqualTo(1200.0);
  }

  /**
   * Writers create new keys all the time (so the remembered key changes under the others' feet)
   * and record into every key they created so far, each key from one writer a known number of
   * times, while a reader collects: every key's total is exact.
   */
  @Test
  void keysCreatedConcurrentlyNeverShareOrLoseRecordings() throws Exception {
    int writers = 4;
    int keysPerWriter = 300;
    MeterRegistry registry = new MeterRegistry();
    KeyedInstrument<List<String>, Counter.Series> requests = counter(registry);
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger collectionsDuringWrites = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String writer = "w" + w;
      threads.add(new Thread(() -> {
        await(start);
        List<List<String>> mine = new ArrayList<>();
        for (int k = 0; k < keysPerWriter; k++) {
          mine.add(List.of(writer, Integer.toString(k))); // a new key: it becomes the last created
          for (List<String> key : mine) {
            requests.series(key).add(1); // key i of this writer: keysPerWriter - i times
          }
        }
      }));
    }
    Thread collector = new Thread(() -> {
      await(start);
      try {
        while (writing.get()) {
          if (!reader.collect().isEmpty() && writing.get()) {
            collectionsDuringWrites.incrementAndGet();
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    threads.forEach(Thread::start);
    collector.start();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    writing.set(false);
    collector.join();
    assertThat(failure.get()).isNull();
    assertThat(collectionsDuringWrites.get()).as("collections while keys were created")
        .isPositive();

    Map<Labels, Double> totals = new HashMap<>();
    for (MetricSnapshot metric : reader.collect()) {
      for (PointSnapshot point : metric.points()) {
        totals.put(point.labels(), ((CounterPoint) point).value());
      }
    }
    assertThat(totals).hasSize(writers * keysPerWriter);
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < keysPerWriter; k++) {
        assertThat(totals.get(Labels.of("k", "w" + w + "/" + k)))
            .as("key w%d/%d", w, k).isEqualTo((double) (keysPerWriter - k));
      }
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
