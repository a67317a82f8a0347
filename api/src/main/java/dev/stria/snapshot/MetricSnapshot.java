package dev.stria.snapshot;

import java.util.List;

/**
 * One instrument's data at one collection: its metadata and one point per series.
 *
 * <p>{@code unit} follows UCUM as OpenTelemetry uses it ({@code "s"}, {@code "By"}, {@code "1"});
 * it is the empty string when none was given, as is {@code description}. Every point's type
 * matches {@code type} (see {@link MetricType}).
 */
public record MetricSnapshot(
    String name,
    String description,
    String unit,
    MetricType type,
    Temporality temporality,
    List<PointSnapshot> points) {

  /** Checks the fields and copies the points. */
  public MetricSnapshot {
    if (name == null || description == null || unit == null || type == null
        || temporality == null || points == null) {
      throw new IllegalArgumentException("a metric snapshot's fields must not be null: " + name);
    }
    points = List.copyOf(points);
  }
}
