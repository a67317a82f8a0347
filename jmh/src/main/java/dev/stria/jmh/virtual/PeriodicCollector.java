package dev.stria.jmh.virtual;

/**
 * A platform thread that runs a library's own collection every {@code periodMillis} until
 * closed, as a scraper or exporter would while the application records; counts its collections
 * so that a check can show they overlapped the writes.
 */
public final class PeriodicCollector implements AutoCloseable {
  private final Runnable collection;
  private final long periodMillis;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long collections;
  private volatile Throwable failure;

  /** Starts collecting at once. */
  public PeriodicCollector(String name, long periodMillis, Runnable collection) {
    this.collection = collection;
    this.periodMillis = periodMillis;
    this.thread = new Thread(this::run, name + "-collector");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!stopped) {
      try {
        collection.run();
        collections++;
        synchronized (this) {
          if (!stopped) {
            wait(periodMillis); // woken early by close(), never interrupted mid-collection
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        failure = t;
        return;
      }
    }
  }

  /** The collections finished so far. */
  public long collections() {
    return collections;
  }

  /** Stops the thread, waits for it, and rethrows what a collection threw. */
  @Override
  public void close() {
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new IllegalStateException("a collection failed", failure);
    }
  }
}
