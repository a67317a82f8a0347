package dev.stria.jvm;

import dev.stria.MeterRegistry;
import java.util.Locale;

/**
 * {@code jvm.thread.count}: an up-down counter of the live platform threads, one series per
 * {@code jvm.thread.daemon} ({@code true}/{@code false}) and {@code jvm.thread.state} ({@code
 * new}, {@code runnable}, {@code blocked}, {@code waiting}, {@code timed_waiting}, {@code
 * terminated}) that has threads. Virtual threads are not counted, as the convention says.
 *
 * <p>Read by enumerating the root thread group, which holds every live platform thread, and
 * asking each thread its state: no VM operation, no stack, no {@code ThreadInfo} per thread (the
 * {@code ThreadMXBean} way the convention mentions costs ten to twenty times as much and gives the
 * same counts). A thread that starts or ends during the enumeration may or may not be counted.
 */
final class ThreadMetrics {
  private static final Thread.State[] STATES = Thread.State.values();
  /** Label values by {@link #slot}: {daemon, state}. */
  private static final String[][] LABEL_VALUES = new String[2 * STATES.length][];

  static {
    for (Thread.State state : STATES) {
      String name = state.name().toLowerCase(Locale.ROOT);
      LABEL_VALUES[slot(false, state)] = new String[] {"false", name};
      LABEL_VALUES[slot(true, state)] = new String[] {"true", name};
    }
  }

  private ThreadMetrics() {}

  private static int slot(boolean daemon, Thread.State state) {
    return (daemon ? STATES.length : 0) + state.ordinal();
  }

  static void register(MeterRegistry registry, Registrations all) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    ThreadGroup everyThread = root;
    all.add(registry.upDownCounter("jvm.thread.count").unit("{thread}")
        .description("Number of executing platform threads.")
        .labelNames("jvm.thread.daemon", "jvm.thread.state")
        .callback(out -> {
          int[] counts = new int[LABEL_VALUES.length];
          Thread[] threads = live(everyThread);
          for (Thread thread : threads) {
            if (thread == null) {
              break;
            }
            counts[slot(thread.isDaemon(), thread.getState())]++;
          }
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              out.record(counts[i], LABEL_VALUES[i]);
            }
          }
        }));
  }

  /** The live platform threads, followed by nulls: enumerated again into a larger array when full. */
  private static Thread[] live(ThreadGroup root) {
    Thread[] threads = new Thread[root.activeCount() + 16];
    while (root.enumerate(threads) == threads.length) { // full: there may be more
      threads = new Thread[threads.length * 2];
    }
    return threads;
  }
}
