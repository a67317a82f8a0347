package dev.stria.prometheus;

import dev.stria.MetricReader;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.List;
import java.util.function.Supplier;

/** A cumulative reader that returns snapshots built by hand, for conversion tests. */
final class FakeReader implements MetricReader {
  private final Supplier<List<MetricSnapshot>> snapshots;
  private final Resource resource;
  private final InstrumentationScope scope;
  private final TemporalitySelector temporality;

  FakeReader(Resource resource, InstrumentationScope scope, TemporalitySelector temporality,
      Supplier<List<MetricSnapshot>> snapshots) {
    this.snapshots = snapshots;
    this.resource = resource;
    this.scope = scope;
    this.temporality = temporality;
  }

  static FakeReader of(MetricSnapshot... snapshots) {
    return new FakeReader(Resource.empty(), new InstrumentationScope("dev.stria", "0.1.0"),
        TemporalitySelector.always(Temporality.CUMULATIVE), () -> List.of(snapshots));
  }

  @Override
  public List<MetricSnapshot> collect() {
    return snapshots.get();
  }

  @Override
  public TemporalitySelector temporality() {
    return temporality;
  }

  @Override
  public Resource resource() {
    return resource;
  }

  @Override
  public InstrumentationScope scope() {
    return scope;
  }

  @Override
  public void close() {}
}
