package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;

/**
 * One reader's collection in progress: who is collecting, at what time, and where to find the
 * readers that want the deltas this collection drains.
 */
final class Collection {
  final RegistryReader reader;
  final long epochNanos;
  private final MeterRegistry registry;
  /** The shape {@link #scratch} was last asked for, and its scratch (this collection's thread). */
  private Object lastShape;
  private Object lastScratch;

  Collection(RegistryReader reader, long epochNanos, MeterRegistry registry) {
    this.reader = reader;
    this.epochNanos = epochNanos;
    this.registry = registry;
  }

  /**
   * The registry's open readers now (a volatile read). A series reads them after each drain, not
   * once per collection: a reader created while this collection runs must get what later drains
   * take (see {@link SeriesState}).
   */
  RegistryReader[] openReaders() {
    return registry.openReaders();
  }

  /** The registry's scope, which Stria's own instruments carry. */
  InstrumentationScope scope() {
    return registry.scope();
  }

  /** The temporality this reader wants for a recorded instrument of {@code type}. */
  Temporality temporalityFor(MetricType type) {
    return reader.temporality().temporalityFor(type);
  }

  /** The temporality this reader wants for an instrument of {@code type} read from a callback. */
  Temporality temporalityForCallback(MetricType type) {
    return reader.temporality().temporalityForCallback(type);
  }

  /**
   * The reader's scratch accumulation for {@code series}' shape (series of one instrument share
   * one), made by the series the first time: a drain lands there before it is merged into the
   * totals, so a collection in steady state allocates no delta per series. Only this reader's
   * collections use it, one at a time, each series under its own lock. The series of one
   * instrument are collected one after another, so the last shape's scratch is kept at hand: the
   * map is looked up once per instrument, not once per series.
   */
  @SuppressWarnings("unchecked")
  <D> D scratch(SeriesState<D> series) {
    Object shape = series.shape();
    if (shape != lastShape) {
      Object scratch = reader.scratch.get(shape);
      if (scratch == null) {
        scratch = series.empty();
        reader.scratch.put(shape, scratch);
      }
      lastShape = shape;
      lastScratch = scratch;
    }
    return (D) lastScratch;
  }

  /** The start of a delta point: this reader's previous collection, or the series' start. */
  long deltaStart(long seriesStartEpochNanos) {
    return Math.max(reader.previousCollectionEpochNanos(), seriesStartEpochNanos);
  }
}
