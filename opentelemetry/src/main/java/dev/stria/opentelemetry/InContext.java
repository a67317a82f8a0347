package dev.stria.opentelemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Makes the {@code Context} a caller passed to {@code add(v, attributes, context)} or {@code
 * record(v, attributes, context)} current for the time of one recording, so that the exemplar it
 * may keep carries that context's span rather than whichever span happens to be current. Only
 * for a context other than the current one (the usual argument is {@code Context.current()}),
 * and never throws into instrumented code: if the context cannot be made current, the value is
 * recorded without it.
 */
final class InContext {
  private InContext() {}

  /** The scope of {@code context}, or null when it is already current or could not be entered. */
  static Scope enter(Context context) {
    if (context == null || context == Context.current()) {
      return null;
    }
    try {
      return context.makeCurrent();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Closes what {@link #enter} opened. */
  static void exit(Scope scope) {
    if (scope != null) {
      try {
        scope.close();
      } catch (RuntimeException e) {
        // the context storage complained about the order of scopes; the recording is done
      }
    }
  }
}
