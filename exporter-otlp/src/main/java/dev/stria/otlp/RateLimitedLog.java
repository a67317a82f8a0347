package dev.stria.otlp;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warnings that repeat at most once per period per kind ({@code "http 400"}, {@code "backlog
 * full"}); repeats within the period go to DEBUG, so a receiver that is down for an hour costs
 * one warning a minute, not one per attempt. Used only on exporter threads.
 */
final class RateLimitedLog {
  private final System.Logger logger;
  private final long periodNanos;
  private final ConcurrentHashMap<String, Long> lastWarned = new ConcurrentHashMap<>();

  RateLimitedLog(System.Logger logger, long periodNanos) {
    this.logger = logger;
    this.periodNanos = periodNanos;
  }

  void warn(String kind, String message) {
    long now = System.nanoTime();
    Long last = lastWarned.get(kind);
    if (last == null || now - last >= periodNanos) {
      lastWarned.put(kind, now);
      logger.log(Level.WARNING, message);
    } else {
      logger.log(Level.DEBUG, message);
    }
  }
}
