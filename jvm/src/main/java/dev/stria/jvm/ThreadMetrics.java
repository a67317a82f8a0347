package dev.stria.jvm;

import dev.stria.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@code jvm.thread.count}: an up-down counter of the live platform threads, one series per
 * {@code jvm.thread.daemon} ({@code true}/{@code false}) and {@code jvm.thread.state} ({@code
 * new}, {@code runnable}, {@code blocked}, {@code waiting}, {@code timed_waiting}, {@code
 * terminated}) that has threads. Virtual threads are not counted, as the convention says.
 *
 * <p>Read with {@link ThreadMXBean#getThreadInfo(long[])}, which asks for no stack trace and so
 * stops no thread; a thread that ends between the two calls is simply not counted.
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    all.add(registry.upDownCounter("jvm.thread.count").unit("{thread}")
        .description("Number of executing platform threads.")
        .labelNames("jvm.thread.daemon", "jvm.thread.state")
        .callback(out -> {
          int[] counts = new int[LABEL_VALUES.length];
          for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) { // null: the thread ended after getAllThreadIds()
              counts[slot(info.isDaemon(), info.getThreadState())]++;
            }
          }
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              out.record(counts[i], LABEL_VALUES[i]);
            }
          }
        }));
  }
}
