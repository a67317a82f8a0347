package dev.stria;

/**
 * Exemplars switched on for an instrument: what its series need to keep them. An instrument with
 * exemplars off (by its builder or its registry) has none, and its series pay one null check.
 */
final class ExemplarSettings {
  private final ExemplarClock spanClock;

  private ExemplarSettings(ExemplarClock spanClock) {
    this.spanClock = spanClock;
  }

  /**
   * Exemplars on: sampled from the current span on {@code clock} when the OpenTelemetry API is
   * present, else only given by hand. The API is looked for here, the first time, and the shared
   * clock started only when it is found.
   */
  static ExemplarSettings on(ExemplarClock clock) {
    if (!Presence.OPENTELEMETRY_API) {
      return new ExemplarSettings(null);
    }
    return new ExemplarSettings(clock != null ? clock : ExemplarClock.shared());
  }

  /** The clock of sampling from the current span; null without the OpenTelemetry API. */
  ExemplarClock spanClock() {
    return spanClock;
  }

  /** Whether {@code opentelemetry-api} can be loaded; resolved on first use only. */
  private static final class Presence {
    static final boolean OPENTELEMETRY_API = present();

    private Presence() {}

    private static boolean present() {
      try {
        Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", false,
            ExemplarSettings.class.getClassLoader());
        // Stria on the module path and the API on the class path: read it (a no-op otherwise).
        ExemplarSettings.class.getModule().addReads(span.getModule());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
