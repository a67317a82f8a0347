/**
 * Immutable snapshots of collected metrics: the exporter SPI.
 *
 * <p>A {@link dev.stria.MetricReader}'s {@code collect()} returns a list of {@link MetricSnapshot}s.
 * Every exporter, Stria's own and a user's, sees the data only through these types. Arrays held
 * by snapshot records are copied when the record is built and are shared by the accessors: treat
 * them as read-only.
 */
package dev.stria.snapshot;
