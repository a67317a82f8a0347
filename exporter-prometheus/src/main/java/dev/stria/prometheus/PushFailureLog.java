package dev.stria.prometheus;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The warnings of the Pushgateway exporter's automatic pushes (periodic, on close, from the
 * shutdown hook): one line per kind of failure ({@code connection refused}, {@code HTTP 400}) at
 * most once a minute, repeats at DEBUG, and one line when pushes succeed again. A job whose
 * Pushgateway is down for an hour logs a line a minute, not one per push.
 *
 * <p>In a JVM shutdown hook the JDK's logging may already be shut down (its own hook resets the
 * handlers), so a warning from there goes to standard error as well.
 */
final class PushFailureLog {
  private static final System.Logger LOG = System.getLogger("dev.stria.prometheus.pushgateway");
  private static final long PERIOD_NANOS = 60_000_000_000L;

  private final ConcurrentHashMap<String, Long> lastWarned = new ConcurrentHashMap<>();
  private volatile long failuresSinceSuccess;

  /** Reports a failed automatic push; {@code duringShutdown} also prints it to standard error. */
  void failed(String action, PushgatewayClient.PushFailure failure, boolean duringShutdown) {
    failuresSinceSuccess++;   // only the exporter's pushing lock holder writes it
    String message = "Pushgateway " + action + ": " + failure.getMessage();
    if (duringShutdown) {
      System.err.println("WARNING: " + message);
    }
    long now = System.nanoTime();
    Long last = lastWarned.get(failure.kind());
    if (last == null || now - last >= PERIOD_NANOS) {
      lastWarned.put(failure.kind(), now);
      LOG.log(Level.WARNING, message);
    } else {
      LOG.log(Level.DEBUG, message);
    }
  }

  /** Reports a push that succeeded; says so once after a run of failures. */
  void succeeded(String url) {
    long failures = failuresSinceSuccess;
    if (failures > 0) {
      failuresSinceSuccess = 0;
      lastWarned.clear();
      LOG.log(Level.INFO, "Pushgateway push to " + url + " succeeded again after " + failures
          + " failed attempt(s)");
    }
  }
}
