package dev.stria.snapshot;

import java.util.List;

/**
 * One instrument's data at one collection: its metadata and one point per series.
 *
 * <p>{@code unit} follows UCUM as OpenTelemetry uses it ({@code "s"}, {@code "By"}, {@code "1"});
 * it is the empty string when none was given, as is {@code description}. Every point's type
 * matches {@code type} (see {@link MetricType}).
 *
 * <p>{@code scope} is the instrumentation scope of the instrument: its registry's for Stria's
 * own instruments, its meter's for the OpenTelemetry bridge's; null only for snapshots built
 * without one, which exporters put under their reader's scope ({@code MetricReader.scope()}).
 *
 * <p>{@code integerValues} says that the instrument records whole numbers (the OpenTelemetry
 * bridge's long counters, up-down counters and gauges): its counter and gauge points hold whole
 * numbers, which OTLP exporters send as integers ({@code as_int}, exact up to
 * 2<sup>53</sup>). It is false for Stria's own instruments, whose points go out as doubles, and
 * for histograms.
 */
public record MetricSnapshot(
    String name,
    String description,
    String unit,
    MetricType type,
    Temporality temporality,
    List<PointSnapshot> points,
    InstrumentationScope scope,
    boolean integerValues) {

  /** Checks the fields and copies the points. */
  public MetricSnapshot {
    if (name == null || description == null || unit == null || type == null
        || temporality == null || points == null) {
      throw new IllegalArgumentException("a metric snapshot's fields must not be null: " + name);
    }
    points = List.copyOf(points);
  }

  /** A snapshot without a scope of its own, of double values. */
  public MetricSnapshot(String name, String description, String unit, MetricType type,
      Temporality temporality, List<PointSnapshot> points) {
    this(name, description, unit, type, temporality, points, null, false);
  }

  /** This snapshot's scope, or {@code fallback} (the reader's) when it has none. */
  public InstrumentationScope scopeOr(InstrumentationScope fallback) {
    return scope != null ? scope : fallback;
  }

  /** The same metric with other points (a merged delta, a filtered list). */
  public MetricSnapshot withPoints(List<PointSnapshot> points) {
    return new MetricSnapshot(name, description, unit, type, temporality, points, scope,
        integerValues);
  }
}
