package dev.stria;

import dev.stria.core.internal.StripedCounter;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;

/**
 * A sum that goes up and down: queue length, connections open. Unlike a {@link Gauge}, its
 * changes add up across threads and its deltas are meaningful.
 *
 * <pre>{@code
 * UpDownCounter queued = registry.upDownCounter("jobs.queued").register();
 * queued.inc();
 * queued.dec();
 * }</pre>
 *
 * <p>Whole increments are wait-free (one atomic add on the calling thread's stripe); fractional
 * ones are lock-free. Nothing allocates.
 */
public final class UpDownCounter extends LabeledInstrument<UpDownCounter.Series> {

  UpDownCounter(InstrumentDescriptor descriptor, int cardinalityLimit, MeterRegistry registry) {
    super(descriptor, cardinalityLimit,
        labels -> new Series(labels, registry.nowEpochNanos()), series -> series.state);
  }

  /** Adds 1 (instrument without label names; else {@code IllegalStateException}). */
  public void inc() {
    unlabelled().inc();
  }

  /** Subtracts 1 (instrument without label names). */
  public void dec() {
    unlabelled().dec();
  }

  /** Adds {@code amount}, which may be negative (instrument without label names). */
  public void add(long amount) {
    unlabelled().add(amount);
  }

  /** Adds the finite {@code amount}, which may be negative (instrument without label names). */
  public void add(double amount) {
    unlabelled().add(amount);
  }

  /** One labelled series of an up-down counter. */
  public static final class Series {
    private final StripedCounter cell = new StripedCounter();
    final SumSeries state;

    Series(Labels labels, long startEpochNanos) {
      this.state = new SumSeries(labels, startEpochNanos, cell);
    }

    /** Adds 1. */
    public void inc() {
      cell.add(1L);
    }

    /** Subtracts 1. */
    public void dec() {
      cell.add(-1L);
    }

    /** Adds {@code amount}, which may be negative. */
    public void add(long amount) {
      cell.add(amount);
    }

    /**
     * Adds {@code amount}, which must be finite: a NaN or an infinity would poison the sum for
     * the rest of the series' life.
     */
    public void add(double amount) {
      long whole = (long) amount;
      if (whole == amount) {
        cell.add(whole);
      } else if (Double.isFinite(amount)) {
        cell.add(amount);
      } else {
        throw new IllegalArgumentException(
            "up-down counter " + state.labels + " cannot add " + amount
                + ": increments must be finite numbers");
      }
    }

    /** The label values of this series. */
    public Labels labels() {
      return state.labels;
    }
  }

  /** Builds an up-down counter: {@code registry.upDownCounter(name)...register()}. */
  public static final class Builder extends InstrumentBuilder<Builder> {
    Builder(MeterRegistry registry, String name) {
      super(registry, name);
    }

    /** Registers the up-down counter, or returns the one registered with identical settings. */
    public UpDownCounter register() {
      InstrumentDescriptor descriptor =
          descriptor("up-down counter", MetricType.UP_DOWN_COUNTER, "");
      return registry.register(descriptor, UpDownCounter.class,
          () -> new UpDownCounter(descriptor, cardinalityLimit, registry));
    }
  }
}
