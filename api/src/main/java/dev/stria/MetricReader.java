package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.TemporalitySelector;
import java.util.List;

/**
 * What exporters are built on: a reader attached to a {@link MeterRegistry} that turns the
 * registry's measurements into immutable {@link MetricSnapshot}s.
 *
 * <pre>{@code
 * MetricReader reader = registry.newReader(Temporality.DELTA);
 * List<MetricSnapshot> batch = reader.collect();
 * }</pre>
 *
 * <p>Several readers of either temporality may share one registry and collect at the same time;
 * each sees exact data, and none of them makes a recording thread wait. A delta reader reports
 * every observation in exactly one of its collections.
 */
public interface MetricReader extends AutoCloseable {

  /** Collects every instrument of the registry now. Never blocks a recording thread. */
  List<MetricSnapshot> collect();

  /** The temporality this reader reports per instrument kind. */
  TemporalitySelector temporality();

  /** The registry's resource attributes, for exporters to attach. */
  Resource resource();

  /** The registry's instrumentation scope, for exporters to attach. */
  InstrumentationScope scope();

  /** Detaches the reader from its registry; later collections return nothing. */
  @Override
  void close();
}
