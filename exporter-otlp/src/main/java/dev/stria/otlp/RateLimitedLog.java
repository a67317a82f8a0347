package dev.stria.otlp;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warnings that repeat at most once per period per kind ({@code "http 400"}, {@code "backlog
 * full"}); repeats within the period go to DEBUG, so a receiver that is down for an hour costs
 * one warning a minute, not one per attempt. Used only on exporter threads.
 *
 * <p>At JVM exit ({@link #shuttingDown()}, called by the exporter's shutdown hook) every warning is
 * shown, however recent the last of its kind: the final export is the last word. And since the
 * JDK's logging ({@code java.util.logging}, behind the default {@code System.Logger}) resets
 * itself in a shutdown hook of its own, which runs at the same time as ours, a warning logged then
 * may reach no handler. So after logging it, if that logging has shut down, the same message
 * goes to standard error. Checking after logging closes the race: a reset that came first or
 * during the call leaves no handler and the message goes to standard error; a reset that comes
 * later found the message already written.
 */
final class RateLimitedLog {
  private static final String JUL_BACKED_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

  private final System.Logger logger;
  private final long periodNanos;
  private final ConcurrentHashMap<String, Long> lastWarned = new ConcurrentHashMap<>();
  private volatile boolean shuttingDown;

  RateLimitedLog(System.Logger logger, long periodNanos) {
    this.logger = logger;
    this.periodNanos = periodNanos;
  }

  void warn(String kind, String message) {
    long now = System.nanoTime();
    Long last = lastWarned.get(kind);
    if (shuttingDown || last == null || now - last >= periodNanos) {
      lastWarned.put(kind, now);
      logger.log(Level.WARNING, message);
      if (shuttingDown && jdkLoggingHasShutDown()) {
        System.err.println("WARNING [" + logger.getName() + "] " + message);
      }
    } else {
      logger.log(Level.DEBUG, message);
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
