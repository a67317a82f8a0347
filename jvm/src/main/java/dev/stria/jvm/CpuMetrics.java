package dev.stria.jvm;

import static dev.stria.jvm.OperatingSystemReadings.whenKnown;

import dev.stria.MeterRegistry;

/**
 * {@code jvm.cpu.time} (a counter in seconds), {@code jvm.cpu.count} (an up-down counter of the
 * processors available to the JVM) and {@code jvm.cpu.recent_utilization} (a gauge from 0 to 1,
 * over an interval the JVM does not define). The time and the utilisation need the JDK's {@code
 * com.sun.management} extension and are not registered without it.
 */
final class CpuMetrics {
  private CpuMetrics() {}

  static void register(MeterRegistry registry, Registrations all, OperatingSystemReadings os) {
    if (os.processCpuTimeNanos() >= 0) {
      all.add(registry.counter("jvm.cpu.time").unit("s")
          .description("CPU time used by the process as reported by the JVM.")
          .callback(whenKnown(() -> os.processCpuTimeNanos() / 1e9)));
    }
    all.add(registry.upDownCounter("jvm.cpu.count").unit("{cpu}")
        .description("Number of processors available to the Java virtual machine.")
        .callback(() -> Runtime.getRuntime().availableProcessors()));
    if (os != OperatingSystemReadings.NONE) {
      all.add(registry.gauge("jvm.cpu.recent_utilization").unit("1")
          .description("Recent CPU utilization for the process as reported by the JVM.")
          .callback(whenKnown(os::processCpuLoad)));
    }
  }
}
