package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An instrument of a bridge (see {@link ScopedInstruments}) whose series are keyed by a full
 * attribute set, whose label names come with each series rather than with the instrument.
 *
 * <pre>{@code
 * KeyedInstrument<Attributes, Counter.Series> orders = scoped.counter(...);
 * orders.series(attributes).add(1);   // an existing key: one hash lookup, nothing allocated
 * }</pre>
 *
 * <p>The key's {@code equals} and {@code hashCode} decide what is one series; keys must be
 * immutable. The key object of the series created last is remembered: recording again with that
 * very object (a prebuilt {@code Attributes} constant, the common case of an instrument with one
 * attribute set) skips the hash lookup. Looking up an existing series is a lock-free probe of a {@link SeriesIndex}, which
 * allocates nothing: keep the key's hash cheap (OpenTelemetry's {@code Attributes} caches it).
 * A new key costs one call of the instrument's {@code labelsOf} and its series. The cardinality
 * limit and the overflow series work as for Stria's own instruments. The series types are Stria's
 * own ({@link Counter.Series}, ...), with their recording costs and rules.
 *
 * @param <K> the key of a series
 * @param <S> the series type
 */
public final class KeyedInstrument<K, S> extends Instrument {
  private final MeterRegistry registry;
  private final SeriesTable<K, S> table;
  private final Function<? super K, Labels> labelsOf;
  private final Function<S, CollectableSeries> collectable;
  /**
   * The series created last with the key object it was created with, or null. Written only on
   * the creation path, never by a lookup of an existing series, so recording with other keys
   * costs one more load and compare, and no thread writes shared memory to look up. Read without
   * synchronisation: {@link Recent} is immutable (final fields), so a reader sees either an old
   * or a new pair, each consistent, and a key is never re-bound to another series (series are not
   * removed from a keyed instrument).
   */
  private Recent<K, S> recent;

  KeyedInstrument(MeterRegistry registry, InstrumentDescriptor descriptor,
      InstrumentationScope scope, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Function<Labels, S> factory,
      Function<S, CollectableSeries> collectable) {
    super(descriptor, scope, integerValues);
    this.registry = registry;
    this.table =
        new SeriesTable<>(descriptor.name(), registry.cardinalityLimit(), overflowLabels, factory,
            SeriesIndex.objects());
    this.labelsOf = labelsOf;
    this.collectable = collectable;
  }

  /**
   * The series of {@code key}, created on first use (with {@code labelsOf(key)}); the overflow
   * series once the cardinality limit is reached. The same key returns the same series.
   */
  public S series(K key) {
    Recent<K, S> last = recent;
    if (last != null && last.key == key) {
      return last.series;
    }
    S existing = table.find(key);
    return existing != null ? existing : create(key);
  }

  private S create(K key) {
    S full = table.overflowIfFull(); // keys past the limit: no lock, no labels
    if (full != null) {
      return full;
    }
    // The series a concurrent caller created first, or the overflow series past the limit: a
    // key maps to it for good either way, so it may be remembered too.
    S created = table.create(key, labelsOf.apply(key));
    recent = new Recent<>(key, created);
    return created;
  }

  /** A key object and its series. */
  private static final class Recent<K, S> {
    final K key;
    final S series;

    Recent(K key, S series) {
      this.key = key;
      this.series = series;
    }
  }

  /** Removes this instrument from its registry: later collections leave it out. */
  public void close() {
    registry.detachInstrument(this);
  }

  @Override
  Iterable<? extends CollectableSeries> collectableSeries() {
    List<CollectableSeries> all = new ArrayList<>(table.size());
    for (S series : table.all()) {
      all.add(collectable.apply(series));
    }
    return all;
  }
}
