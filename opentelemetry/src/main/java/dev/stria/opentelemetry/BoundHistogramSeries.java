package dev.stria.opentelemetry;

import dev.stria.Histogram;
import dev.stria.SeriesSetup;
import io.opentelemetry.api.incubator.metrics.BoundDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongHistogram;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A histogram series of the bridge that is also the incubator's bound histogram (long and
 * double): {@code bind(attributes)} returns the series itself. A bound record is then the series'
 * own {@code observe} behind one type check, with no wrapper to load on the way. Measured with a
 * throw-away benchmark (issue 12's notes, 2026-11-30, 6 forks): a wrapper around the series cost
 * about 1.3 ns on a record of about 9.5, where issue 12 allows a bound instrument 1.1 x Stria's
 * own series; {@code BridgeBenchmark} keeps the comparison. Each call checks the value as the
 * unbound instrument does: a negative value is dropped with one warning; NaN and infinities go
 * to the series, which counts them as dropped. Loaded only when {@link Incubator#PRESENT}.
 */
final class BoundHistogramSeries extends Histogram.Series
    implements BoundLongHistogram, BoundDoubleHistogram {
  private final String instrumentName; // for the drop warning only

  BoundHistogramSeries(SeriesSetup setup, String instrumentName) {
    super(setup);
    this.instrumentName = instrumentName;
  }

  @Override
  public void record(long value) {
    record((double) value);
  }

  @Override
  public void record(long value, Context context) {
    record((double) value, context);
  }

  @Override
  public void record(double value) {
    if (!(value < 0)) { // NaN and infinities too: the series counts them as dropped
      observe(value);
    } else {
      BridgeHistogram.dropped(instrumentName, value);
    }
  }

  @Override
  public void record(double value, Context context) {
    Scope scope = InContext.enter(context); // the exemplar's span is the context's
    try {
      record(value);
    } finally {
      InContext.exit(scope);
    }
  }
}
