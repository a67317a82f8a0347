package dev.stria.prometheus;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pushes a Stria registry's metrics to a Prometheus Pushgateway, for batch jobs that Prometheus
 * cannot scrape and that have no OTLP path. The metrics are converted as {@link
 * PrometheusExporter} serves them (same names, labels, {@code target_info}) and written as it
 * writes them: text by client_java's writer, protobuf by {@link ProtobufFormatWriter}.
 *
 * <pre>{@code
 * try (PushgatewayExporter exporter = PushgatewayExporter.builder()
 *     .registry(registry)                       // or .reader(aCumulativeReader)
 *     .address("http://localhost:9091")         // the default
 *     .job("nightly-import")                    // required
 *     .groupingKey("instance", "a")
 *     .build()) {
 *   importEverything();
 *   exporter.pushAdd();                         // optional: push now, keep the group's other metrics
 * }                                             // close(): push (PUT) once more
 * }</pre>
 *
 * <p>The three operations of the Pushgateway's API, on the group of the job and grouping key:
 *
 * <ul>
 *   <li>{@link #push()}: HTTP {@code PUT}, replaces every metric of the group;
 *   <li>{@link #pushAdd()}: HTTP {@code POST}, replaces only the metrics with the names pushed;
 *   <li>{@link #delete()}: HTTP {@code DELETE}, removes the group.
 * </ul>
 *
 * These explicit calls throw an {@link IOException} naming the cause and the URL when the
 * Pushgateway cannot be reached, does not answer within the timeout, or refuses (non-2xx), as
 * client_java's {@code PushGateway} does: the caller decides (an {@link
 * java.io.InterruptedIOException} when the calling thread is interrupted). The automatic pushes — on {@link
 * #close()}, from the JVM shutdown hook and every {@link PushgatewayExporterBuilder#interval
 * interval} — never throw: a failure is logged (one line per kind of failure a minute, {@code
 * System.Logger} {@code dev.stria.prometheus.pushgateway}; from the shutdown hook on standard error
 * too) and counted. Every push, delete included, counts in {@link #pushesSucceeded()} and {@link
 * #pushesFailed()}, which an exporter built on a registry also publishes there as the counters
 * {@code stria.pushgateway.pushes.succeeded} and {@code stria.pushgateway.pushes.failed}.
 *
 * <p>Pushes from any threads run one at a time, each collecting when its turn comes, so the
 * Pushgateway never ends with an older collection than the last one sent.
 *
 * <p>Defaults are listed on {@link PushgatewayExporterBuilder}: protobuf (it carries native
 * histograms), 10 s connect and request timeouts, a push on close and from a shutdown hook, no
 * periodic push.
 */
public final class PushgatewayExporter implements AutoCloseable {
  private final StriaCollector collector;
  private final boolean ownsReader;
  private final URI groupUrl;
  private final ExpositionFormatWriter writer;
  private final PushgatewayClient client;
  private final PushFailureLog failureLog = new PushFailureLog();
  private final ReentrantLock pushing = new ReentrantLock();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean pushOnClose;
  private volatile ScheduledExecutorService periodic;
  private volatile Thread shutdownHook;
  private volatile AutoCloseable healthMetrics;

  PushgatewayExporter(StriaCollector collector, boolean ownsReader, URI groupUrl, Format format,
      PushgatewayClient client, boolean pushOnClose) {
    this.collector = collector;
    this.ownsReader = ownsReader;
    this.groupUrl = groupUrl;
    this.writer = format == Format.PROMETHEUS_TEXT
        ? PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build()
        : new ProtobufFormatWriter();
    this.client = client;
    this.pushOnClose = pushOnClose;
  }

  /** A builder; {@link PushgatewayExporterBuilder#job(String) job} is the one required setting. */
  public static PushgatewayExporterBuilder builder() {
    return new PushgatewayExporterBuilder();
  }

  /** The format pushed: protobuf (the default) carries native histograms, text does not. */
  public enum Format {
    /** Prometheus protobuf, delimited {@code MetricFamily} messages; native histograms. */
    PROMETHEUS_PROTOBUF,
    /** Prometheus text format 0.0.4; a native-only histogram arrives as count and sum. */
    PROMETHEUS_TEXT
  }

  /**
   * Collects and replaces the group's metrics with them (HTTP {@code PUT}).
   *
   * @throws IOException naming the cause and the URL when the push did not succeed
   * @throws IllegalStateException when the exporter is closed
   */
  public void push() throws IOException {
    send("PUT", true);
  }

  /**
   * Collects and replaces the group's metrics of the same names, keeping its others (HTTP {@code
   * POST}).
   *
   * @throws IOException naming the cause and the URL when the push did not succeed
   * @throws IllegalStateException when the exporter is closed
   */
  public void pushAdd() throws IOException {
    send("POST", true);
  }

  /**
   * Deletes the group and all its metrics from the Pushgateway (HTTP {@code DELETE}). A later
   * {@link #close()} pushes the group again unless built with {@code pushOnClose(false)}.
   *
   * @throws IOException naming the cause and the URL when the delete did not succeed
   * @throws IllegalStateException when the exporter is closed
   */
  public void delete() throws IOException {
    send("DELETE", false);
  }

  /** The group's URL, {@code <address>/metrics/job/<job>[/<name>/<value>...]}. */
  public URI groupUrl() {
    return groupUrl;
  }

  /** Pushes, push-adds and deletes the Pushgateway accepted (2xx), since the start. */
  public long pushesSucceeded() {
    return succeeded.get();
  }

  /** Pushes, push-adds and deletes that failed: unreachable, timed out or refused. */
  public long pushesFailed() {
    return failed.get();
  }

  /**
   * Stops the periodic push, pushes once more (HTTP {@code PUT}, unless built with {@code
   * pushOnClose(false)}), removes the shutdown hook and the health metrics, and closes the reader
   * the exporter created for a registry (a reader given to it stays open). Never throws: a failed
   * last push is logged and counted. Idempotent.
   */
  @Override
  public void close() {
    close(false);
  }

  void close(boolean fromShutdownHook) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ScheduledExecutorService schedule = periodic;
    if (schedule != null) {
      schedule.shutdownNow();   // interrupts a periodic push in flight: the last push follows
    }
    pushing.lock();
    try {
      if (pushOnClose) {
        transferQuietly(fromShutdownHook ? "push from the shutdown hook" : "push on close",
            fromShutdownHook);
      }
    } finally {
      try {
        release(fromShutdownHook);
      } finally {
        pushing.unlock();
      }
    }
  }

  private void release(boolean fromShutdownHook) {
    Thread hook = shutdownHook;
    if (hook != null && !fromShutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs and finds the exporter closed
      }
    }
    try {
      AutoCloseable health = healthMetrics;
      if (health != null) {
        health.close();
      }
      if (ownsReader) {
        collector.reader().close();
      }
    } catch (Exception e) {
      System.getLogger("dev.stria.prometheus.pushgateway").log(System.Logger.Level.WARNING,
          "releasing the Pushgateway exporter's reader and health metrics failed", e);
    }
  }

  /** The periodic push: never throws, and does nothing once the exporter is closed. */
  void pushPeriodically() {
    pushing.lock();
    try {
      if (!closed.get()) {
        transferQuietly("periodic push", false);
      }
    } finally {
      pushing.unlock();
    }
  }

  private void send(String method, boolean withBody) throws IOException {
    pushing.lock();   // one push at a time: a later collection is never overtaken by an earlier
    try {
      if (closed.get()) {
        throw new IllegalStateException("the Pushgateway exporter for " + groupUrl
            + " is closed");
      }
      transfer(method, withBody);
    } finally {
      pushing.unlock();
    }
  }

  /** A push ({@code PUT}) that never throws; the caller holds {@link #pushing}. */
  private void transferQuietly(String action, boolean duringShutdown) {
    try {
      transfer("PUT", true);
    } catch (PushgatewayClient.PushFailure e) {
      failureLog.failed(action, e, duringShutdown);
    } catch (InterruptedIOException e) {
      // close() stops a periodic push in flight; its own push follows at once
      System.getLogger("dev.stria.prometheus.pushgateway").log(System.Logger.Level.DEBUG,
          e.getMessage());
    } catch (IOException | RuntimeException e) {
      // a collection or encoding failure: the job goes on either way
      failureLog.failed(action, new PushgatewayClient.PushFailure(e.toString(), "PUT", groupUrl,
          e), duringShutdown);
    }
  }

  /** Collects (for a body), sends and counts; the caller holds {@link #pushing}. */
  private void transfer(String method, boolean withBody) throws IOException {
    try {
      byte[] body = withBody ? encode() : null;
      client.send(method, groupUrl, body, withBody ? writer.getContentType() : null);
      succeeded.incrementAndGet();
      failureLog.succeeded(groupUrl.toString());
    } catch (InterruptedIOException e) {
      throw e;   // the caller stopped it: the Pushgateway did not fail
    } catch (IOException | RuntimeException e) {
      failed.incrementAndGet();
      throw e;
    }
  }

  private byte[] encode() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    writer.write(out, collector.collect());
    return out.toByteArray();
  }

  void periodic(ScheduledExecutorService schedule) {
    this.periodic = schedule;
  }

  void shutdownHook(Thread hook) {
    this.shutdownHook = hook;
  }

  void healthMetrics(AutoCloseable registration) {
    this.healthMetrics = registration;
  }
}
