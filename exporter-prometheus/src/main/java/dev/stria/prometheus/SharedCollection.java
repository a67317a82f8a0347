package dev.stria.prometheus;

import dev.stria.MetricReader;
import dev.stria.snapshot.MetricSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One collection of a reader shared by every scrape that arrives while it runs ("single
 * flight"). A reader collects one batch at a time, so without this two concurrent scrapes would
 * run their collections, and every slow callback in them, one after the other; with it, the
 * second scrape waits for the collection already running and both answer with its batch — a
 * cumulative batch taken a moment before the second scrape arrived, which Prometheus cannot tell
 * from one taken after.
 */
final class SharedCollection {
  private final MetricReader reader;
  private CompletableFuture<List<MetricSnapshot>> inFlight; // guarded by this

  SharedCollection(MetricReader reader) {
    this.reader = reader;
  }

  /** The batch of the collection running now, or of a new one if none is running. */
  List<MetricSnapshot> collect() {
    CompletableFuture<List<MetricSnapshot>> flight;
    boolean leader;
    synchronized (this) {
      leader = inFlight == null;
      if (leader) {
        inFlight = new CompletableFuture<>();
      }
      flight = inFlight;
    }
    if (leader) {
      try {
        flight.complete(reader.collect());
      } catch (RuntimeException | Error e) {
        flight.completeExceptionally(e);
        throw e;
      } finally {
        synchronized (this) {
          inFlight = null;
        }
      }
      return flight.join();
    }
    try {
      return flight.join();
    } catch (CompletionException e) {
      // The leader's scrape reports the failure with its own stack; rethrow it here as well.
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
