package dev.stria;

import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;

/**
 * One reader's collection in progress: who is collecting, at what time, and which other readers
 * want the deltas that this collection drains.
 */
final class Collection {
  final RegistryReader reader;
  final long epochNanos;
  /** Every open reader at the start of this collection, this one included. */
  final RegistryReader[] readers;

  Collection(RegistryReader reader, long epochNanos, RegistryReader[] readers) {
    this.reader = reader;
    this.epochNanos = epochNanos;
    this.readers = readers;
  }

  /** The temporality this reader wants for a recorded instrument of {@code type}. */
  Temporality temporalityFor(MetricType type) {
    return reader.temporality().temporalityFor(type);
  }

  /** The temporality this reader wants for an instrument of {@code type} read from a callback. */
  Temporality temporalityForCallback(MetricType type) {
    return reader.temporality().temporalityForCallback(type);
  }

  /** The start of a delta point: this reader's previous collection, or the series' start. */
  long deltaStart(long seriesStartEpochNanos) {
    return Math.max(reader.previousCollectionEpochNanos(), seriesStartEpochNanos);
  }
}
