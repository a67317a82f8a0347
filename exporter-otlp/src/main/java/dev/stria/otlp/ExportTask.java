package dev.stria.otlp;

import java.util.function.BooleanSupplier;

/** One collect-and-export, as {@link PeriodicExport} runs it on its thread. */
interface ExportTask {
  /**
   * Collects and exports once. Returns true when everything collected so far was delivered.
   * Must give up by {@code deadlineNanos} (a {@link System#nanoTime} value), and may give up
   * early when {@code abandon} becomes true.
   */
  boolean export(long deadlineNanos, BooleanSupplier abandon);

  /** Wakes an export waiting between retries so that it re-checks {@code abandon}. */
  default void wakeUp() {}

  /** Releases what the task holds (its reader, if it created it). Called once, last. */
  default void release() {}
}
