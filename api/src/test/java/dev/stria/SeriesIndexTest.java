package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeriesIndexTest {

  private static String[] values(int i) {
    return new String[] {"route" + (i % 7), "status" + i};
  }

  @Test
  void findsEverySeriesItHoldsThroughGrowthAndEqualButDistinctArrays() {
    SeriesIndex<String[], Integer> index = new SeriesIndex<>(SeriesIndex.LABEL_VALUES);
    for (int i = 0; i < 5000; i++) {
      index.put(values(i), i);
    }
    for (int i = 0; i < 5000; i++) {
      assertThat(index.get(values(i))).isEqualTo(i); // a fresh array with equal strings
    }
    assertThat(index.get(new String[] {"route1", "status-none"})).isNull();
    assertThat(index.get(new String[] {null, "status1"})).isNull();
    assertThat(index.size()).isEqualTo(5000);
    assertThat(index.values()).hasSize(5000).doesNotHaveDuplicates();
  }

  /**
   * Label values that differ in their last characters have {@code String} hashes in runs of
   * consecutive integers; with slots picked from the hash's low bits, linear probing chained such
   * runs into clusters (19 slots for these 128 values). Each slot more is a load and, mixed in
   * with short probes, a mispredicted branch on every lookup.
   */
  @Test
  void valuesWithConsecutiveHashesSpreadOverTheTable() {
    for (String prefix : new String[] {"/route/", "user-1", "GET /api/v1/items/"}) {
      SeriesIndex<String[], Integer> index = new SeriesIndex<>(SeriesIndex.LABEL_VALUES);
      for (int i = 0; i < 128; i++) {
        index.put(new String[] {prefix + i}, i);
      }
      assertThat(index.longestProbe()).as(prefix).isLessThanOrEqualTo(4);
      for (int i = 0; i < 128; i++) {
        assertThat(index.getValues(prefix + i)).isEqualTo(i);
      }
    }
  }

  @Test
  void removeAndClearLeaveTheOthersFindable() {
    SeriesIndex<String[], Integer> index = new SeriesIndex<>(SeriesIndex.LABEL_VALUES);
    for (int i = 0; i < 100; i++) {
      index.put(values(i), i);
    }
    assertThat(index.remove(values(42))).isTrue();
    assertThat(index.remove(values(42))).isFalse();
    assertThat(index.get(values(42))).isNull();
    for (int i = 0; i < 100; i++) {
      if (i != 42) {
        assertThat(index.get(values(i))).isEqualTo(i);
      }
    }
    assertThat(index.size()).isEqualTo(99);
    index.clear();
    assertThat(index.get(values(1))).isNull();
    assertThat(index.values()).isEmpty();
  }

  @Test
  void lookupsRacingCreationsAlwaysFindTheOneSeriesOfALabelSet() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter counter = registry.counter("requests").labelNames("route", "status")
        .cardinalityLimit(100_000).register();
    int labelSets = 20_000;
    AtomicBoolean go = new AtomicBoolean();
    AtomicInteger mismatches = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        while (!go.get()) {
          Thread.onSpinWait();
        }
        for (int i = 0; i < labelSets; i++) {
          int k = (i * 7 + offset * 13) % labelSets;
          Counter.Series first = counter.labels(values(k));
          if (first != counter.labels(values(k))) {
            mismatches.incrementAndGet();
          }
          first.inc();
        }
      }));
    }
    threads.forEach(Thread::start);
    go.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(mismatches).hasValue(0);
    double total = 0;
    for (var snapshot : registry.newReader(dev.stria.snapshot.Temporality.CUMULATIVE).collect()) {
      assertThat(snapshot.points()).hasSize(labelSets);
      for (var point : snapshot.points()) {
        total += ((dev.stria.snapshot.CounterPoint) point).value();
      }
    }
    assertThat(total).isEqualTo(3.0 * labelSets);
  }
}
