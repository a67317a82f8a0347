package dev.stria.prometheus;

import dev.stria.MetricReader;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Prometheus {@link MultiCollector} over a cumulative Stria {@link MetricReader}: it lets a
 * Stria registry join any {@link PrometheusRegistry}, yours or one behind a servlet or framework
 * endpoint.
 *
 * <pre>{@code
 * MetricReader reader = meterRegistry.newReader(Temporality.CUMULATIVE);
 * StriaCollector collector = StriaCollector.builder(reader).build();   // target_info and scope labels on
 * collector.register(PrometheusRegistry.defaultRegistry);
 * }</pre>
 *
 * <p>Each scrape collects the reader once and converts the snapshots by the rules in {@link
 * PrometheusExporter}. Collections never block a recording thread. Concurrent scrapes share one
 * collection: a scrape that arrives while another is collecting waits for that collection
 * instead of starting its own, so a slow callback delays two scrapes once, not twice. Defaults: {@code targetInfo(true)}, {@code scopeLabels(true)}, {@code
 * createdTimestamps(true)}.
 */
public final class StriaCollector implements MultiCollector {
  private final MetricReader reader;
  private final SnapshotConverter converter;
  /** Serialises conversions: the converter remembers the previous scrape's names. */
  private final ReentrantLock converting = new ReentrantLock();
  private final SharedCollection collection;
  private final boolean createdTimestamps;

  private StriaCollector(Builder builder) {
    this.reader = builder.reader;
    this.collection = new SharedCollection(reader);
    this.createdTimestamps = builder.createdTimestamps;
    this.converter = new SnapshotConverter(
        builder.resource != null ? builder.resource : reader.resource(), reader.scope(),
        builder.targetInfo, builder.scopeLabels);
  }

  /**
   * A builder over {@code reader}, which must report every instrument kind cumulatively.
   *
   * @throws IllegalArgumentException if the reader is null or reports deltas for any kind
   */
  public static Builder builder(MetricReader reader) {
    if (reader == null) {
      throw new IllegalArgumentException("the collector needs a MetricReader, got null");
    }
    for (MetricType type : MetricType.values()) {
      Temporality t = reader.temporality().temporalityFor(type);
      if (type != MetricType.GAUGE && t != Temporality.CUMULATIVE) {
        throw new IllegalArgumentException("Prometheus needs a cumulative reader, but this one"
            + " reports " + type + " as " + t
            + ": use registry.newReader(Temporality.CUMULATIVE)");
      }
    }
    return new Builder(reader);
  }

  /** Registers this collector in {@code registry} and returns it. */
  public StriaCollector register(PrometheusRegistry registry) {
    registry.register(this);
    return this;
  }

  @Override
  public MetricSnapshots collect() {
    return collect((PrometheusScrapeRequest) null);
  }

  @Override
  public MetricSnapshots collect(PrometheusScrapeRequest request) {
    boolean created = createdTimestamps && CreatedTimestampPolicy.wanted(request);
    List<MetricSnapshot> batch = collection.collect();
    converting.lock();
    try {
      return converter.convert(batch, created);
    } finally {
      converting.unlock();
    }
  }

  /** The reader this collector scrapes. */
  public MetricReader reader() {
    return reader;
  }

  /** Options of a {@link StriaCollector}; all default to {@code true}. */
  public static final class Builder {
    private final MetricReader reader;
    private boolean targetInfo = true;
    private boolean scopeLabels = true;
    private boolean createdTimestamps = true;
    private Resource resource;

    private Builder(MetricReader reader) {
      this.reader = reader;
    }

    /** Whether the resource attributes are exposed as {@code target_info} (default true). */
    public Builder targetInfo(boolean enabled) {
      this.targetInfo = enabled;
      return this;
    }

    /**
     * Whether every series carries {@code otel_scope_name} and {@code otel_scope_version} labels
     * (default true).
     */
    public Builder scopeLabels(boolean enabled) {
      this.scopeLabels = enabled;
      return this;
    }

    /**
     * Whether counters and histograms carry their series' start as created timestamp (default
     * true; never in a text 0.0.4 scrape, see {@link PrometheusExporter}).
     */
    public Builder createdTimestamps(boolean enabled) {
      this.createdTimestamps = enabled;
      return this;
    }

    /** The resource for {@code target_info} instead of the reader's (the exporter's merge). */
    Builder resource(Resource resource) {
      this.resource = resource;
      return this;
    }

    /** The collector; register it in a {@code PrometheusRegistry} to serve it. */
    public StriaCollector build() {
      return new StriaCollector(this);
    }
  }
}
