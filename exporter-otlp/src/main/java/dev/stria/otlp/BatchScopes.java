package dev.stria.otlp;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The instrumentation scopes of one batch, in the order their first metric appears: OTLP sends
 * one {@code ScopeMetrics} per scope. A metric without a scope of its own belongs to the batch's
 * (the reader's) scope. Reused between exports, so a batch of one scope allocates nothing. Not
 * thread-safe, as the encoders that own it.
 */
final class BatchScopes {
  private final List<InstrumentationScope> scopes = new ArrayList<>();

  /**
   * The distinct scopes of {@code batch}'s metrics that have points, or the batch's own scope when
   * there are none (an empty export still names its scope); valid until the next call.
   */
  List<InstrumentationScope> of(MetricBatch batch) {
    scopes.clear();
    for (MetricSnapshot m : batch.metrics()) {
      InstrumentationScope scope = m.scopeOr(batch.scope());
      if (!m.points().isEmpty() && !contains(scope)) {
        scopes.add(scope);
      }
    }
    if (scopes.isEmpty()) {
      scopes.add(batch.scope());
    }
    return scopes;
  }

  private boolean contains(InstrumentationScope scope) {
    for (int i = 0; i < scopes.size(); i++) {
      InstrumentationScope s = scopes.get(i);
      if (s == scope || s.equals(scope)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code m} belongs to {@code scope} in {@code batch}. */
  static boolean belongs(MetricSnapshot m, InstrumentationScope scope, MetricBatch batch) {
    InstrumentationScope own = m.scopeOr(batch.scope());
    return own == scope || own.equals(scope);
  }
}
