package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallbackWithLabelsTest {
  private final MeterRegistry registry = new MeterRegistry();

  private static Labels pool(String type, String name) {
    return Labels.of("jvm.memory.type", type, "jvm.memory.pool.name", name);
  }

  @Test
  void gaugeCallbackReportsOneSeriesPerLabelSetAndOnlyTheSeriesReportedNow() {
    Map<String, Long> used = new LinkedHashMap<>(Map.of("G1 Eden Space", 100L));
    used.put("G1 Old Gen", 300L);
    registry.gauge("jvm.memory.used").unit("By")
        .labelNames("jvm.memory.type", "jvm.memory.pool.name")
        .callback(out -> used.forEach((name, bytes) -> out.record(bytes, "heap", name)));
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

    List<MetricSnapshot> first = reader.collect();
    assertThat(Snapshots.named(first, "jvm.memory.used").type()).isEqualTo(MetricType.GAUGE);
    assertThat(Snapshots.gaugeValue(first, "jvm.memory.used", pool("heap", "G1 Eden Space")))
        .isEqualTo(100.0);
    assertThat(Snapshots.gaugeValue(first, "jvm.memory.used", pool("heap", "G1 Old Gen")))
        .isEqualTo(300.0);

    used.remove("G1 Eden Space");
    used.put("G1 Old Gen", 350L);
    MetricSnapshot second = Snapshots.only(reader.collect());
    assertThat(second.points()).singleElement().satisfies(p -> {
      assertThat(p.labels()).isEqualTo(pool("heap", "G1 Old Gen"));
      assertThat(((GaugePoint) p).value()).isEqualTo(350.0);
    });
  }

  @Test
  void counterCallbackGivesDeltaReadersPerSeriesDifferences() {
    Map<String, Double> totals = new LinkedHashMap<>(Map.of("young", 10.0, "old", 1.0));
    registry.counter("jvm.gc.collections").labelNames("gc")
        .callback(out -> totals.forEach((gc, total) -> out.record(total, gc)));
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    Labels young = Labels.of("gc", "young");
    Labels old = Labels.of("gc", "old");

    List<MetricSnapshot> first = delta.collect();
    assertThat(Snapshots.counterValue(first, "jvm.gc.collections", young)).isEqualTo(10.0);
    assertThat(Snapshots.counterValue(first, "jvm.gc.collections", old)).isEqualTo(1.0);

    totals.put("young", 14.0);
    MetricSnapshot second = Snapshots.only(delta.collect());
    assertThat(second.temporality()).isEqualTo(Temporality.DELTA);
    assertThat(second.points()).singleElement() // "old" did not change: nothing new
        .satisfies(p -> assertThat(((CounterPoint) p).value()).isEqualTo(4.0));

    totals.put("young", 3.0); // the source restarted: its whole total is new
    assertThat(Snapshots.counterValue(delta.collect(), "jvm.gc.collections", young))
        .isEqualTo(3.0);
    assertThat(Snapshots.counterValue(cumulative.collect(), "jvm.gc.collections", young))
        .isEqualTo(3.0);
  }

  @Test
  void seriesThatDisappearsAndComesBackStartsOverForDeltaReaders() {
    Map<String, Double> totals = new LinkedHashMap<>(Map.of("a", 5.0));
    registry.counter("c").labelNames("k")
        .callback(out -> totals.forEach((k, total) -> out.record(total, k)));
    MetricReader delta = registry.newReader(Temporality.DELTA);
    assertThat(Snapshots.counterValue(delta.collect(), "c", Labels.of("k", "a"))).isEqualTo(5.0);

    totals.clear();
    assertThat(delta.collect()).isEmpty();

    totals.put("a", 7.0);
    assertThat(Snapshots.counterValue(delta.collect(), "c", Labels.of("k", "a"))).isEqualTo(7.0);
  }

  @Test
  void upDownCounterCallbackReportsSumsAndSignedDeltas() {
    long[] depth = {5};
    registry.upDownCounter("queue.depth").labelNames("queue")
        .callback(out -> out.record(depth[0], "orders"));
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    Labels orders = Labels.of("queue", "orders");

    assertThat(Snapshots.counterValue(delta.collect(), "queue.depth", orders)).isEqualTo(5.0);
    depth[0] = 2;
    assertThat(Snapshots.counterValue(delta.collect(), "queue.depth", orders)).isEqualTo(-3.0);
    List<MetricSnapshot> batch = cumulative.collect();
    assertThat(Snapshots.counterValue(batch, "queue.depth", orders)).isEqualTo(2.0);
    assertThat(Snapshots.named(batch, "queue.depth").type())
        .isEqualTo(MetricType.UP_DOWN_COUNTER);
  }

  @Test
  void unlabelledUpDownCounterCallbackReadsTheSumAtCollection() {
    int[] open = {3};
    registry.upDownCounter("connections.open").callback(() -> open[0]);
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThat(Snapshots.counterValue(reader.collect(), "connections.open", Labels.empty()))
        .isEqualTo(3.0);
  }

  @Test
  void wrongLabelCountsNullsAndNaNAreSkippedAndTheOtherValuesKept() {
    registry.gauge("g").labelNames("k").callback(out -> {
      out.record(1.0, "a");
      out.record(2.0);                  // no label value
      out.record(3.0, "b", "extra");    // one too many
      out.record(4.0, (String) null);   // null value
      out.record(Double.NaN, "c");
      out.record(5.0, "d");
    });
    registry.counter("c").callback(out -> out.record(Double.POSITIVE_INFINITY));
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

    List<MetricSnapshot> batch = reader.collect();
    assertThat(batch).extracting(MetricSnapshot::name).containsExactly("g");
    assertThat(batch.get(0).points()).extracting(p -> p.labels().get("k"))
        .containsExactly("a", "d");
  }

  @Test
  void labelSetsPastTheCardinalityLimitAreFoldedIntoTheOverflowSeries() {
    registry.counter("requests").labelNames("path").cardinalityLimit(2).callback(out -> {
      out.record(1, "/a");
      out.record(2, "/b");
      out.record(4, "/c");
      out.record(8, "/d");
      out.record(16, "/a"); // an existing series may still be reported: last value wins
    });
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

    List<MetricSnapshot> batch = reader.collect();
    assertThat(Snapshots.named(batch, "requests").points()).hasSize(3);
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("path", "/a"))).isEqualTo(16.0);
    assertThat(Snapshots.counterValue(batch, "requests", Labels.of("path", "/b"))).isEqualTo(2.0);
    assertThat(Snapshots.counterValue(batch, "requests",
        Labels.of(SeriesTable.OVERFLOW_LABEL, "true"))).isEqualTo(12.0);
  }

  @Test
  void observationsKeptPastTheCallbackAreIgnored() {
    AtomicReference<Observations> kept = new AtomicReference<>();
    registry.gauge("g").labelNames("k").callback(out -> {
      kept.set(out);
      out.record(1, "inside");
    });
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    MetricSnapshot first = Snapshots.only(reader.collect());
    kept.get().record(2, "outside");
    assertThat(first.points()).extracting(p -> p.labels().get("k")).containsExactly("inside");
    assertThat(Snapshots.only(reader.collect()).points()).hasSize(1);
  }

  @Test
  void twoReadersCollectingAtOnceAreBothInsideTheCallback() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    registry.gauge("slow").labelNames("k").callback(out -> {
      bothInside.countDown();
      try {
        // Returns at once when the other collection is inside too; a collection that waited
        // for the other one would never see it, and report nothing.
        if (bothInside.await(30, TimeUnit.SECONDS)) {
          out.record(1, "both inside");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    MetricReader first = registry.newReader(Temporality.CUMULATIVE);
    MetricReader second = registry.newReader(Temporality.DELTA);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<MetricSnapshot>> a = pool.submit(first::collect);
      Future<List<MetricSnapshot>> b = pool.submit(second::collect);
      Labels both = Labels.of("k", "both inside");
      assertThat(Snapshots.gaugeValue(a.get(), "slow", both)).isEqualTo(1.0);
      assertThat(Snapshots.gaugeValue(b.get(), "slow", both)).isEqualTo(1.0);
    } finally {
      pool.shutdownNow();
    }
  }
}
