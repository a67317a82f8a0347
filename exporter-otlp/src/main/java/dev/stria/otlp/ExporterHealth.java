package dev.stria.otlp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The exporter's own counters, updated by its thread and read at any time (by {@link
 * OtlpExporter#health()} and, when the exporter was built on a registry, by the registry's
 * collections through callback instruments):
 *
 * <ul>
 *   <li>{@code stria.otlp.exports.succeeded}: exports the receiver accepted;
 *   <li>{@code stria.otlp.exports.failed}: exports refused or given up after retries;
 *   <li>{@code stria.otlp.points.dropped}: data points lost for good — refused with a
 *       non-retryable status, rejected in a partial success, or past the delta backlog's bound;
 *   <li>{@code stria.otlp.export.duration}: how long the last export took (collect, encode,
 *       send and retries), in seconds.
 * </ul>
 *
 * <pre>{@code
 * ExporterHealth health = exporter.health();
 * if (health.exportsFailed() > 0) { ... health.pointsDropped() ... }
 * }</pre>
 *
 * <p>All counters start at 0 and only grow.
 */
public final class ExporterHealth {
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile long lastDurationNanos;

  ExporterHealth() {}

  /** Exports the receiver accepted. */
  public long exportsSucceeded() {
    return succeeded.get();
  }

  /** Exports that failed or were refused. */
  public long exportsFailed() {
    return failed.get();
  }

  /** Data points that will never be delivered (refused, rejected, or past the backlog). */
  public long pointsDropped() {
    return dropped.get();
  }

  /** The last export's duration in seconds (0 before the first). */
  public double lastExportSeconds() {
    return lastDurationNanos / 1e9;
  }

  void succeeded() {
    succeeded.incrementAndGet();
  }

  void failed() {
    failed.incrementAndGet();
  }

  void dropped(long points) {
    if (points > 0) {
      dropped.addAndGet(points);
    }
  }

  void lastDuration(long nanos) {
    lastDurationNanos = nanos;
  }

  @Override
  public String toString() {
    return "succeeded=" + exportsSucceeded() + " failed=" + exportsFailed() + " dropped="
        + pointsDropped() + " last=" + lastExportSeconds() + "s";
  }
}
