package dev.stria;

import dev.stria.core.internal.BucketBounds;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;

/**
 * What a registry hands to each series it creates for a bridge's instrument (the {@link
 * ScopedInstruments} registrations that take a series factory): the instrument, the series'
 * labels and start time, and for a histogram its buckets and exemplar settings. Opaque: a bridge
 * receives one in its series factory and passes it on to its subclass of the series ({@link
 * Counter.Series#Series(SeriesSetup)}, ...). Only a registry makes one, so a series is still only
 * ever created by its instrument, and each series constructor checks that the setup is one for
 * its kind of instrument.
 */
public final class SeriesSetup {
  final InstrumentDescriptor descriptor;
  final Labels labels;
  final long startEpochNanos;
  final BucketBounds bounds; // histograms only
  final ExemplarSettings exemplars; // counters and histograms only

  SeriesSetup(InstrumentDescriptor descriptor, Labels labels, long startEpochNanos,
      BucketBounds bounds, ExemplarSettings exemplars) {
    this.descriptor = descriptor;
    this.labels = labels;
    this.startEpochNanos = startEpochNanos;
    this.bounds = bounds;
    this.exemplars = exemplars;
  }

  /**
   * {@code setup}, checked to be one a registry made for an instrument of {@code type}.
   *
   * @throws IllegalArgumentException if it is null or made for another kind of instrument
   */
  static SeriesSetup checked(SeriesSetup setup, MetricType type) {
    if (setup == null) {
      throw new IllegalArgumentException(kind(type) + " series needs the setup its registry"
          + " gives the series factory, got null");
    }
    if (setup.descriptor.type() != type) {
      throw new IllegalArgumentException(kind(type) + " series cannot be made from the setup of "
          + setup.descriptor + ": pass each series factory's setup to its own kind of series");
    }
    return setup;
  }

  /** The kind of series {@code type} names, with its article, for messages. */
  private static String kind(MetricType type) {
    return switch (type) {
      case COUNTER -> "a counter";
      case UP_DOWN_COUNTER -> "an up-down counter";
      case GAUGE -> "a gauge";
      default -> "a histogram";
    };
  }
}
