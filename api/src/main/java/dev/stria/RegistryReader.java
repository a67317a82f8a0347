package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.TemporalitySelector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MetricReader} of one {@link MeterRegistry}. Its collections are serialised among
 * themselves (one reader collects one batch at a time); collections of different readers
 * interleave freely, and no collection makes a writer wait.
 */
final class RegistryReader implements MetricReader {
  private final MeterRegistry registry;
  private final ReaderTemporality temporality;
  private final int slot;
  private long previousCollectionEpochNanos;
  /** Reusable drain targets by series shape, used under this reader's collection lock. */
  final Map<Object, Object> scratch = new IdentityHashMap<>();
  private volatile boolean closed;

  RegistryReader(MeterRegistry registry, TemporalitySelector temporality, int slot,
      long createdEpochNanos) {
    this.registry = registry;
    this.temporality = new ReaderTemporality(temporality);
    this.slot = slot;
    this.previousCollectionEpochNanos = createdEpochNanos;
  }

  @Override
  public synchronized List<MetricSnapshot> collect() {
    if (closed) {
      return List.of();
    }
    long now = registry.nowEpochNanos();
    Collection collection = new Collection(this, now, registry);
    List<MetricSnapshot> batch = new ArrayList<>();
    for (Instrument instrument : registry.instruments()) {
      MetricSnapshot snapshot = instrument.collect(collection);
      if (snapshot != null) {
        batch.add(snapshot);
      }
    }
    previousCollectionEpochNanos = now;
    return batch;
  }

  /** When this reader last collected (or was created); read under the collection's lock. */
  long previousCollectionEpochNanos() {
    return previousCollectionEpochNanos;
  }

  int slot() {
    return slot;
  }

  /** The reader's temporality per kind, as its selector answered when the reader was created. */
  @Override
  public TemporalitySelector temporality() {
    return temporality;
  }

  @Override
  public Resource resource() {
    return registry.resource();
  }

  @Override
  public InstrumentationScope scope() {
    return registry.scope();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      registry.detach(this);
    }
  }
}
