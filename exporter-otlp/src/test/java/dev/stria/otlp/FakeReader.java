package dev.stria.otlp;

import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-written reader of counters with exact delta semantics (getAndSet), standing in for a
 * registry's reader in tests that need only counters.
 */
final class FakeReader implements MetricReader {
  private final Temporality temporality;
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
  private final long created = System.currentTimeMillis() * 1_000_000;
  private volatile long lastCollect = created;

  FakeReader(Temporality temporality) {
    this.temporality = temporality;
  }

  void add(String series, long n) {
    counters.computeIfAbsent(series, k -> new AtomicLong()).addAndGet(n);
  }

  @Override
  public synchronized List<MetricSnapshot> collect() {
    long now = System.currentTimeMillis() * 1_000_000;
    List<dev.stria.snapshot.PointSnapshot> points = new ArrayList<>();
    for (var e : counters.entrySet()) {
      long delta = e.getValue().getAndSet(0);
      long total = totals.computeIfAbsent(e.getKey(), k -> new AtomicLong()).addAndGet(delta);
      Labels labels = Labels.of("series", e.getKey());
      if (temporality == Temporality.DELTA) {
        if (delta != 0) {
          points.add(new CounterPoint(labels, lastCollect, now, delta));
        }
      } else {
        points.add(new CounterPoint(labels, created, now, total));
      }
    }
    lastCollect = now;
    return List.of(new MetricSnapshot("jobs", "", "1", MetricType.COUNTER, temporality, points));
  }

  @Override
  public TemporalitySelector temporality() {
    return TemporalitySelector.always(temporality);
  }

  @Override
  public Resource resource() {
    return new Resource(Map.of("service.name", "fake"));
  }

  @Override
  public InstrumentationScope scope() {
    return new InstrumentationScope("dev.stria", "0.1.0");
  }

  @Override
  public void close() {}
}
