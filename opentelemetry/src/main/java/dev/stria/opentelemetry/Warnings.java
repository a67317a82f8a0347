package dev.stria.opentelemetry;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge's warnings, each logged once per distinct message subject (an instrument, a meter):
 * instrumented code may repeat a bad call millions of times, and the bridge never throws into it.
 */
final class Warnings {
  private static final System.Logger LOG = System.getLogger("dev.stria.opentelemetry");
  private static final int MAX_REMEMBERED = 10_000;
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private Warnings() {}

  /** Logs {@code message} unless a warning about {@code subject} was logged already. */
  static void once(String subject, String message) {
    if (LOGGED.size() < MAX_REMEMBERED && LOGGED.add(subject)) {
      LOG.log(Level.WARNING, message);
    }
  }
}
