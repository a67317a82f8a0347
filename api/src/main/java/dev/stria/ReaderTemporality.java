package dev.stria;

import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.EnumMap;
import java.util.Map;

/**
 * A reader's {@link TemporalitySelector}, asked once for every instrument kind when the reader is
 * created. A user's selector thus runs only in {@code newReader(..)}, where a throw or a null
 * answer is an error naming the kind, and never during a collection, where it would end the
 * collection (and, for another reader's delta bookkeeping, every reader's collection).
 */
final class ReaderTemporality implements TemporalitySelector {
  private final Map<MetricType, Temporality> recorded = new EnumMap<>(MetricType.class);
  private final Map<MetricType, Temporality> callback = new EnumMap<>(MetricType.class);

  ReaderTemporality(TemporalitySelector selector) {
    for (MetricType type : MetricType.values()) {
      recorded.put(type, ask(selector, type, false));
      callback.put(type, ask(selector, type, true));
    }
  }

  private static Temporality ask(TemporalitySelector selector, MetricType type,
      boolean forCallback) {
    Temporality answer;
    try {
      answer = forCallback ? selector.temporalityForCallback(type) : selector.temporalityFor(type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("temporality selector " + selector + " threw " + e
          + " for " + (forCallback ? "callback " : "") + type
          + ": a reader's selector must answer for every instrument kind", e);
    }
    if (answer == null) {
      throw new IllegalArgumentException("temporality selector " + selector + " returned null"
          + " for " + (forCallback ? "callback " : "") + type
          + ": a reader's selector must answer for every instrument kind");
    }
    return answer;
  }

  @Override
  public Temporality temporalityFor(MetricType type) {
    return recorded.get(type);
  }

  @Override
  public Temporality temporalityForCallback(MetricType type) {
    return callback.get(type);
  }

  @Override
  public String toString() {
    return "temporality " + recorded + ", callbacks " + callback;
  }
}
