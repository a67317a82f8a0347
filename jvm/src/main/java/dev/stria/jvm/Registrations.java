package dev.stria.jvm;

import dev.stria.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything one {@link JvmMetrics#register} call added to a registry and to the JDK, undone in
 * reverse order by one {@link #close()}. Filled by the registering thread before the handle is
 * returned; closed at most once, from any thread.
 */
final class Registrations implements Registration {
  private final List<Runnable> undo = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Keeps a callback instrument's handle, to unregister it on close. */
  void add(Registration registration) {
    undo.add(registration::close);
  }

  /** Runs {@code step} on close, e.g. to remove a notification listener. */
  void onClose(Runnable step) {
    undo.add(step);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
    }
  }
}
