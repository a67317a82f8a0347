package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.List;

/**
 * What the registry and its readers know of every instrument: its identity, its scope and its
 * series.
 */
abstract class Instrument {
  final InstrumentDescriptor descriptor;
  /** The instrumentation scope, or null for the registry's (Stria's own instruments). */
  private final InstrumentationScope scope;
  /** Whether the instrument records whole numbers, exported as integer points. */
  private final boolean integerValues;

  Instrument(InstrumentDescriptor descriptor) {
    this(descriptor, null, false);
  }

  Instrument(InstrumentDescriptor descriptor, InstrumentationScope scope, boolean integerValues) {
    this.descriptor = descriptor;
    this.scope = scope;
    this.integerValues = integerValues;
  }

  /** The series to collect now. */
  abstract Iterable<? extends CollectableSeries> collectableSeries();

  /** This instrument's snapshot for {@code collection}, or null when it has no point. */
  MetricSnapshot collect(Collection collection) {
    List<PointSnapshot> points = new ArrayList<>();
    for (CollectableSeries series : collectableSeries()) {
      PointSnapshot point = series.collect(collection, descriptor.type());
      if (point != null) {
        points.add(point);
      }
    }
    return snapshot(collection, points);
  }

  /** The snapshot of {@code points}, or null when there are none. */
  final MetricSnapshot snapshot(Collection collection, List<PointSnapshot> points) {
    if (points.isEmpty()) {
      return null;
    }
    return new MetricSnapshot(
        descriptor.name(),
        descriptor.description(),
        descriptor.unit(),
        descriptor.type(),
        temporality(collection),
        points,
        scope != null ? scope : collection.scope(),
        integerValues);
  }

  /** The temporality of this instrument's snapshot; callback instruments choose theirs apart. */
  Temporality temporality(Collection collection) {
    return collection.temporalityFor(descriptor.type());
  }

  /** Drops what the closed reader in {@code slot} had pending. */
  void detachReader(int slot) {
    for (CollectableSeries series : collectableSeries()) {
      series.forgetReader(slot);
    }
  }
}
