package dev.stria.jmh;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;

/**
 * A Stria registry set up the way the peers are: with a reader attached (cumulative, as a
 * Prometheus scrape would use it) that no measurement ever collects.
 */
public final class StriaSetup {
  private final MeterRegistry registry;
  private final MetricReader reader;

  /** A registry with Stria's default cardinality limit (2000 series per instrument). */
  public StriaSetup() {
    this(new MeterRegistry());
  }

  /** A registry with room for {@code cardinalityLimit} series per instrument. */
  public StriaSetup(int cardinalityLimit) {
    this(MeterRegistry.builder().cardinalityLimit(cardinalityLimit).build());
  }

  private StriaSetup(MeterRegistry registry) {
    this.registry = registry;
    this.reader = registry.newReader(Temporality.CUMULATIVE);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The attached reader; held so that it stays registered for the whole run. */
  public MetricReader reader() {
    return reader;
  }

  /** A histogram in seconds with the Prometheus default buckets and label {@link Peers#LABEL}. */
  public dev.stria.Histogram explicitHistogram(String name) {
    return registry.histogram(name).unit("s").buckets(Observations.PROMETHEUS_BOUNDS)
        .labelNames(Peers.LABEL).register();
  }

  /** A base-2 exponential histogram in seconds (default 160 buckets), label {@link Peers#LABEL}. */
  public dev.stria.Histogram exponentialHistogram(String name) {
    return registry.histogram(name).unit("s").exponential().labelNames(Peers.LABEL).register();
  }

  /** A counter with label {@link Peers#LABEL}. */
  public dev.stria.Counter counter(String name) {
    return registry.counter(name).labelNames(Peers.LABEL).register();
  }
}
