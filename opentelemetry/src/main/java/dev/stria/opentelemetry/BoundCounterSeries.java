package dev.stria.opentelemetry;

import dev.stria.Counter;
import dev.stria.SeriesSetup;
import io.opentelemetry.api.incubator.metrics.BoundDoubleCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A counter series of the bridge that is also the incubator's bound counter (long and double):
 * {@code bind(attributes)} returns the series itself, so {@code add(long)} and {@code
 * add(double)} are the series' own, with no wrapper to load on the way. The wrapper it replaces
 * cost 1.27 x Stria's own bound {@code add(1)} at 1 and 2 threads; as the series, 0.96 (1
 * thread, 4 forks) and 1.05 (2 threads, 6 forks) in {@code BridgeBenchmark} (issue 12's notes,
 * 2026-11-30). Where Stria's series throws on a negative, NaN or infinite increment, this one
 * drops it with one warning, as the unbound instrument and the SDK do ({@link
 * #rejected(double)}). Loaded only when {@link Incubator#PRESENT}.
 */
final class BoundCounterSeries extends Counter.Series
    implements BoundLongCounter, BoundDoubleCounter {
  private final String instrumentName; // for the drop warning only

  BoundCounterSeries(SeriesSetup setup, String instrumentName) {
    super(setup);
    this.instrumentName = instrumentName;
  }

  /** Drops the invalid increment with one warning: nothing thrown into instrumented code. */
  @Override
  protected void rejected(double amount) {
    BridgeCounter.dropped(instrumentName, amount);
  }

  @Override
  public void add(long value, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      add(value);
    } finally {
      InContext.exit(scope);
    }
  }

  @Override
  public void add(double value, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      add(value);
    } finally {
      InContext.exit(scope);
    }
  }
}
