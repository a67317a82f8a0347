package dev.stria.jvm;

import static dev.stria.jvm.OperatingSystemReadings.whenKnown;

import dev.stria.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code jvm.cpu.time} (a counter in seconds), {@code jvm.cpu.count} (an up-down counter of the
 * processors available to the JVM), {@code jvm.cpu.recent_utilization} (a gauge from 0 to 1, see
 * {@link RecentCpuUtilization}) and {@code process.cpu.time} (the process conventions' name for
 * the same CPU time, without {@code cpu.mode}: the JDK tells only the total, and the convention
 * allows points without it). The CPU time, and so the utilisation, needs the JDK's {@code
 * com.sun.management} extension; without it only {@code jvm.cpu.count} is registered.
 */
final class CpuMetrics {
  private CpuMetrics() {}

  static void register(MeterRegistry registry, Registrations all, OperatingSystemReadings os) {
    all.add(registry.upDownCounter("jvm.cpu.count").unit("{cpu}")
        .description("Number of processors available to the Java virtual machine.")
        .callback(() -> Runtime.getRuntime().availableProcessors()));
    if (os.processCpuTimeNanos() < 0) {
      return;
    }
    SharedReading<Long> cpuNanos = new SharedReading<>(os::processCpuTimeNanos);
    all.add(registry.counter("jvm.cpu.time").unit("s")
        .description("CPU time used by the process as reported by the JVM.")
        .callback(whenKnown(() -> cpuNanos.get() / 1e9)));
    all.add(registry.counter("process.cpu.time").unit("s")
        .description("Total CPU seconds of the process, user and system together.")
        .callback(whenKnown(() -> cpuNanos.get() / 1e9)));
    long uptimeNanos = TimeUnit.MILLISECONDS.toNanos(
        ManagementFactory.getRuntimeMXBean().getUptime());
    RecentCpuUtilization recent = new RecentCpuUtilization(System.nanoTime() - uptimeNanos);
    all.add(registry.gauge("jvm.cpu.recent_utilization").unit("1")
        .description("Recent CPU utilization for the process as reported by the JVM.")
        .callback(whenKnown(() -> recent.read(System.nanoTime(), cpuNanos.get(),
            Runtime.getRuntime().availableProcessors()))));
  }
}
