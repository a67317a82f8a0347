package dev.stria.otlp;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one exporter logs. Warnings repeat at most once per period per kind ({@code "http 400"},
 * {@code "backlog full"}); repeats within the period go to DEBUG, so a receiver that is down for an
 * hour costs one warning a minute, not one per attempt. Failures that must never be rate-limited
 * (an unexpected exception) go through {@link #report}, every time. Used on the exporter's thread
 * and by whoever closes it.
 *
 * <p>At JVM exit ({@link #shuttingDown()}, called by the exporter's shutdown hook) every warning is
 * shown, however recent the last of its kind: the final export is the last word. And since the
 * JDK's logging ({@code java.util.logging}, behind the default {@code System.Logger}) resets
 * itself in a shutdown hook of its own, which runs at the same time as ours, a message logged then
 * may reach no handler. So after logging a warning or a report, if that logging has shut down, the
 * same message goes to standard error. Checking after logging closes the race: a reset that came
 * first or during the call leaves no handler and the message goes to standard error; a reset that
 * comes later found the message already written.
 */
final class ExporterLog {
  private static final String JUL_BACKED_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

  private final System.Logger logger;
  private final long periodNanos;
  private final ConcurrentHashMap<String, Long> lastWarned = new ConcurrentHashMap<>();
  private volatile boolean shuttingDown;

  ExporterLog(System.Logger logger, long periodNanos) {
    this.logger = logger;
    this.periodNanos = periodNanos;
  }

  /** One exporter's log: logger {@code dev.stria.otlp}, each kind of warning once a minute. */
  static ExporterLog standard() {
    return new ExporterLog(System.getLogger("dev.stria.otlp"), 60_000_000_000L);
  }

  void warn(String kind, String message) {
    long now = System.nanoTime();
    Long last = lastWarned.get(kind);
    if (shuttingDown || last == null || now - last >= periodNanos) {
      lastWarned.put(kind, now);
      logger.log(Level.WARNING, message);
      fallBackToStandardError(Level.WARNING, message, null);
    } else {
      logger.log(Level.DEBUG, message);
    }
  }

  /** Logs {@code message} and {@code cause} at {@code level}, however often it happens. */
  void report(Level level, String message, Throwable cause) {
    logger.log(level, message, cause);
    fallBackToStandardError(level, message, cause);
  }

  private void fallBackToStandardError(Level level, String message, Throwable cause) {
    if (shuttingDown && jdkLoggingHasShutDown()) {
      System.err.println(level + " [" + logger.getName() + "] " + message);
      if (cause != null) {
        cause.printStackTrace(System.err);
      }
    }
  }

  /** From now on the JVM is exiting: see the class comment. */
  void shuttingDown() {
    shuttingDown = true;
  }

  /**
   * True when {@code System.Logger} is backed by {@code java.util.logging} and its root logger has
   * lost its handlers (the reset at exit). Any other backend (SLF4J, Log4j bridges) keeps its own
   * shutdown rules and is trusted.
   */
  private static boolean jdkLoggingHasShutDown() {
    return System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JUL_BACKED_FINDER)
        && java.util.logging.Logger.getLogger("").getHandlers().length == 0;
  }
}
