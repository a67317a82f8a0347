package dev.stria.otlp;

import dev.stria.MetricReader;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.wire.ProtoWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One OTLP export: collect from the reader, merge in the delta backlog, encode, send with
 * retries, then account for the outcome (health counters, backlog, logs).
 *
 * <p>The outcome decides what happens to the data: delivered, it is gone (a partial success's
 * rejected points are counted as dropped); refused with a non-retryable status, it is dropped and
 * counted (sending it again would be refused again); failed after retries, its delta points are
 * held in the {@link DeltaBacklog} for the next export (cumulative points need no holding: the
 * next collection carries the same totals). Any unexpected exception after the collection is
 * treated as a failure, so a bug in encoding cannot lose delta data silently either.
 *
 * <p>Runs on the exporter's single thread; nothing here is shared with recording threads.
 */
final class ExportPipeline implements ExportTask {
  private final MetricReader reader;
  private final boolean ownsReader;
  private final Resource resource;
  private final OtlpProtocol protocol;
  private final RetryingSender sender;
  private final DeltaBacklog backlog;
  private final ExporterHealth health;
  private final ExporterLog log;
  private final ProtoMetricsEncoder proto = new ProtoMetricsEncoder();
  private final JsonMetricsEncoder json = new JsonMetricsEncoder();

  ExportPipeline(MetricReader reader, boolean ownsReader, Resource resource, OtlpProtocol protocol,
      RetryingSender sender, DeltaBacklog backlog, ExporterHealth health, ExporterLog log) {
    this.reader = reader;
    this.ownsReader = ownsReader;
    this.resource = resource;
    this.protocol = protocol;
    this.sender = sender;
    this.backlog = backlog;
    this.health = health;
    this.log = log;
  }

  @Override
  public boolean export(long deadlineNanos, BooleanSupplier abandon) {
    long started = System.nanoTime();
    List<MetricSnapshot> metrics = null;
    try {
      metrics = backlog.drainInto(reader.collect());
      health.dropped(backlog.takeDroppedOnMerge());
      MetricBatch batch = new MetricBatch(resource, reader.scope(), metrics);
      int points = batch.pointCount();
      if (points == 0) {
        return true;
      }
      byte[] body;
      int offset;
      int length;
      if (protocol == OtlpProtocol.HTTP_PROTOBUF) {
        ProtoWriter w = proto.encode(batch);
        body = w.buffer();
        offset = w.start();
        length = w.written();
      } else {
        body = json.encodeToString(batch).getBytes(StandardCharsets.UTF_8);
        offset = 0;
        length = body.length;
      }
      RetryingSender.Result result = sender.send(body, offset, length, deadlineNanos, abandon);
      switch (result.outcome()) {
        case DELIVERED -> {
          health.succeeded();
          OtlpResponses.PartialSuccess partial = result.partial();
          if (partial != null) {
            health.dropped(partial.rejected());
            log.warn("partial", "OTLP receiver rejected " + partial.rejected() + " of " + points
                + " data points: " + partial.message());
          }
          return true;
        }
        case REJECTED -> {
          health.failed();
          health.dropped(points);
          return false;
        }
        default -> {
          health.failed();
          hold(metrics);
          return false;
        }
      }
    } catch (RuntimeException | Error e) {
      health.failed();
      if (metrics != null) {
        hold(metrics);
      }
      log.report(Level.ERROR, "OTLP export failed unexpectedly", e);
      return false;
    } finally {
      health.lastDuration(System.nanoTime() - started);
    }
  }

  private void hold(List<MetricSnapshot> metrics) {
    int dropped = backlog.retain(metrics);
    if (dropped > 0) {
      health.dropped(dropped);
      log.warn("backlog", "OTLP delta backlog is full: " + dropped
          + " data points dropped (they will not be sent)");
    }
  }

  @Override
  public void wakeUp() {
    sender.wakeUp();
  }

  @Override
  public void release() {
    int undelivered = backlog.heldPoints();
    if (undelivered > 0) {
      health.dropped(undelivered);
      log.warn("undelivered", "OTLP exporter closed with " + undelivered
          + " delta data points it could not deliver; they are dropped");
    }
    if (ownsReader) {
      reader.close();
    }
  }
}
