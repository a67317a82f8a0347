package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Past the cardinality limit every new key records into the overflow series: a cardinality
 * explosion is when recording is busiest, so such a lookup must cost what an existing series'
 * lookup costs (no lock, nothing allocated), not a creation attempt per call, and lose nothing.
 */
class OverflowLookupTest {
  private static final int LOOKUPS = 100_000;
  /** An array and labels per lookup would be megabytes; allow a little for the harness. */
  private static final long ALLOWED_BYTES = 64 * 1024;

  private final MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(2).build();

  private static String[] keys(String prefix, int count) {
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = prefix + i;
    }
    return keys;
  }

  @Test
  void labelValuesPastTheLimitRecordIntoTheOverflowSeriesAllocatingNothing() {
    Counter one = registry.counter("one").labelNames("a").register();
    Counter two = registry.counter("two").labelNames("a", "b").register();
    Counter many = registry.counter("many").labelNames("a", "b", "c", "d").register();
    for (String key : new String[] {"x", "y", "first overflow"}) {
      one.labels(key).inc();
      two.labels(key, key).inc();
      many.labels(key, key, key, key).inc();
    }
    String[] keys = keys("/route/", 1000);
    String[][] fourValues = new String[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      fourValues[i] = new String[] {keys[i], "b", "c", "d"};
    }

    long before = AllocatedBytes.ofThisThread();
    for (int i = 0; i < LOOKUPS; i++) {
      String key = keys[i % keys.length];
      one.labels(key).inc();
      two.labels(key, "b").inc();
      many.labels(fourValues[i % keys.length]).inc();
    }
    long allocated = AllocatedBytes.ofThisThread() - before;

    List<MetricSnapshot> batch = registry.newReader(Temporality.CUMULATIVE).collect();
    for (String name : List.of("one", "two", "many")) {
      assertThat(Snapshots.counterValue(batch, name, SeriesTable.OVERFLOW_LABELS))
          .as(name).isEqualTo(LOOKUPS + 1.0);
      assertThat(Snapshots.named(batch, name).points()).as(name).hasSize(3);
    }
    assertThat(allocated).isLessThan(ALLOWED_BYTES);
  }

  @Test
  void nullLabelValuesAreRefusedAlsoPastTheLimit() {
    Counter counter = registry.counter("requests").labelNames("a", "b", "c", "d").register();
    for (String key : new String[] {"x", "y", "first overflow"}) {
      counter.labels(key, key, key, key).inc();
    }
    String[] withNull = {"a", null, "c", "d"};
    assertThatThrownBy(() -> counter.labels(withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be null");
  }

  @Test
  void keyedInstrumentsPastTheLimitRecordIntoTheOverflowSeriesAllocatingNothing() {
    Labels overflow = Labels.of("otel.metric.overflow", "true");
    KeyedInstrument<List<String>, Counter.Series> requests =
        ScopedInstruments.of(registry, new InstrumentationScope("test", ""))
            .counter("requests", "", "", true, overflow, key -> Labels.of("k", key.get(0)));
    for (String key : new String[] {"x", "y", "first overflow"}) {
      requests.series(List.of(key)).add(1);
    }
    List<List<String>> keys = new ArrayList<>();
    for (String key : keys("/route/", 1000)) {
      keys.add(List.of(key));
    }

    long before = AllocatedBytes.ofThisThread();
    for (int i = 0; i < LOOKUPS; i++) {
      requests.series(keys.get(i % keys.size())).add(1);
    }
    long allocated = AllocatedBytes.ofThisThread() - before;

    List<MetricSnapshot> batch = registry.newReader(Temporality.CUMULATIVE).collect();
    assertThat(Snapshots.counterValue(batch, "requests", overflow)).isEqualTo(LOOKUPS + 1.0);
    assertThat(allocated).isLessThan(ALLOWED_BYTES);
  }
}
