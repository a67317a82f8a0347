package dev.stria.jvm;

/**
 * {@code jvm.cpu.recent_utilization}, worked out from the process CPU time: the CPU time used
 * over a window of wall-clock time, divided by that time and the processors available, clamped
 * to 0..1. The window is the time since the previous reading if that is at least a second ago
 * (otherwise the previous value is reported again, so that two readers collecting together do
 * not divide by almost nothing); the first reading covers the JVM's whole life.
 *
 * <p>The JDK's {@code getProcessCpuLoad()}, which the convention names as the source, took over
 * 100 µs and allocated about 100 kB per call on this project's Linux machines (JDK 17 and 25),
 * more than every other JVM metric together; the convention leaves "recent" undefined, and this
 * is the same measure over a window Stria chooses. Synchronised: called only by collections,
 * never by recording threads.
 */
final class RecentCpuUtilization {
  static final long MIN_WINDOW_NANOS = 1_000_000_000L;

  private long windowStartNanos;
  private long windowStartCpuNanos;
  private double utilization = -1;

  RecentCpuUtilization(long jvmStartNanos) {
    this.windowStartNanos = jvmStartNanos;
  }

  /**
   * The utilisation at {@code nowNanos} ({@link System#nanoTime()}) given the process CPU time
   * {@code cpuNanos} then, or -1 while unknown (the CPU time is unknown).
   */
  synchronized double read(long nowNanos, long cpuNanos, int processors) {
    if (cpuNanos < 0) {
      return -1;
    }
    long wall = nowNanos - windowStartNanos;
    if (utilization < 0 || wall >= MIN_WINDOW_NANOS) {
      double used = (double) (cpuNanos - windowStartCpuNanos) / ((double) wall * processors);
      utilization = Math.max(0, Math.min(1, used));
      windowStartNanos = nowNanos;
      windowStartCpuNanos = cpuNanos;
    }
    return utilization;
  }
}
