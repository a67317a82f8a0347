package dev.stria.otlp;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an {@link ExportTask} every interval on one daemon thread, and once more on {@link
 * #forceFlush} and {@link #close}.
 *
 * <p>Why one thread: exports never overlap, so the task's state (encoder buffers, delta backlog)
 * needs no locking, and a flush queued behind a running export simply waits for it. A periodic
 * export that falls behind delays the next one instead of piling up ({@code scheduleAtFixedRate}
 * semantics).
 *
 * <p>Closing: {@code close()} stops the schedule, wakes an export that waits between retries (it
 * gives up and leaves its delta data to the backlog), then runs a final export with the close
 * timeout as its deadline, whose retries are not cut short. The JVM shutdown hook, when enabled,
 * does exactly that. Nothing here ever runs on, or throws into, a recording thread.
 */
final class PeriodicExport {
  private final ExportTask task;
  private final ExporterLog log;
  private final Duration interval;
  private final Duration closeTimeout;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closing;
  private ScheduledFuture<?> schedule;
  private Thread shutdownHook;

  /** {@code log} is the exporter's: the shutdown hook tells it the JVM is exiting. */
  PeriodicExport(String threadName, ExportTask task, ExporterLog log, Duration interval,
      Duration closeTimeout) {
    this.task = task;
    this.log = log;
    this.interval = interval;
    this.closeTimeout = closeTimeout;
    ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    ex.setRemoveOnCancelPolicy(true);
    this.executor = ex;
  }

  synchronized void start(boolean registerShutdownHook) {
    long ms = interval.toMillis();
    schedule = executor.scheduleAtFixedRate(this::periodic, ms, ms, TimeUnit.MILLISECONDS);
    if (registerShutdownHook) {
      shutdownHook = new Thread(() -> {
        log.shuttingDown();
        close();
      }, Thread.currentThread().getName() + "-stria-flush");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  private void periodic() {
    try {
      task.export(Long.MAX_VALUE, () -> closing);
    } catch (Throwable t) { // a throw would cancel the schedule
      log.report(Level.ERROR, "periodic export failed", t);
    }
  }

  /** Exports now; true if everything was delivered within {@code timeout}. */
  boolean forceFlush(Duration timeout) {
    if (closed.get()) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Future<Boolean> f = executor.submit(() -> task.export(deadline, () -> closing));
      return await(f, timeout);
    } catch (RejectedExecutionException closedMeanwhile) {
      return false;
    }
  }

  /** Stops, exports one last time within the close timeout; true if that export delivered. */
  boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    closing = true;
    synchronized (this) {
      if (schedule != null) {
        schedule.cancel(false);
      }
    }
    task.wakeUp();
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    boolean delivered;
    try {
      Future<Boolean> f = executor.submit(() -> task.export(deadline, () -> false));
      delivered = await(f, closeTimeout.plusMillis(200));
    } catch (RejectedExecutionException e) {
      delivered = false;
    }
    executor.shutdownNow();
    try {
      task.release();
    } catch (RuntimeException e) {
      log.report(Level.WARNING, "releasing the exporter's reader failed", e);
    }
    removeShutdownHook();
    return delivered;
  }

  private void removeShutdownHook() {
    Thread hook;
    synchronized (this) {
      hook = shutdownHook;
      shutdownHook = null;
    }
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook is running or about to, and will find us closed
      }
    }
  }

  private boolean await(Future<Boolean> f, Duration timeout) {
    try {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | java.util.concurrent.CancellationException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      log.report(Level.ERROR, "export failed", e.getCause());
      return false;
    }
  }
}
