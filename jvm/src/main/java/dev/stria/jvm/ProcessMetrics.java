package dev.stria.jvm;

import static dev.stria.jvm.OperatingSystemReadings.whenKnown;

import dev.stria.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;

/**
 * The process metrics Prometheus users look for (client_java's {@code process_*}: start time,
 * resident memory, open file descriptors and their limit; the CPU time is in {@link CpuMetrics}),
 * under the OpenTelemetry process conventions where they have a name:
 *
 * <ul>
 *   <li>{@code process.uptime}: gauge, seconds;
 *   <li>{@code process.memory.usage}: up-down counter, bytes resident (Linux only, see {@link
 *       ResidentMemory});
 *   <li>{@code process.unix.file_descriptor.count}: up-down counter of open file descriptors;
 * </ul>
 *
 * and two names of Stria's own where the conventions have none:
 *
 * <ul>
 *   <li>{@code process.start_time}: gauge, seconds since the Unix epoch when the JVM started
 *       (Prometheus: {@code process_start_time_seconds}, as client_java names it);
 *   <li>{@code process.unix.file_descriptor.limit}: up-down counter, the most file descriptors
 *       the process may open (Prometheus: {@code process_unix_file_descriptor_limit}).
 * </ul>
 *
 * A metric whose source this JVM or operating system lacks is not registered.
 */
final class ProcessMetrics {
  private ProcessMetrics() {}

  static void register(MeterRegistry registry, Registrations all, OperatingSystemReadings os) {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    all.add(registry.gauge("process.uptime").unit("s")
        .description("The time the process has been running.")
        .callback(() -> runtime.getUptime() / 1e3));
    all.add(registry.gauge("process.start_time").unit("s")
        .description("When the process started, in seconds since the Unix epoch.")
        .callback(() -> runtime.getStartTime() / 1e3));
    ResidentMemory resident = ResidentMemory.find();
    if (resident != null) {
      all.add(registry.upDownCounter("process.memory.usage").unit("By")
          .description("The amount of physical memory in use.")
          .callback(whenKnown(resident::bytes)));
    }
    if (os.openFileDescriptors() >= 0) {
      all.add(registry.upDownCounter("process.unix.file_descriptor.count")
          .unit("{file_descriptor}")
          .description("Number of unix file descriptors in use by the process.")
          .callback(whenKnown(os::openFileDescriptors)));
      all.add(registry.upDownCounter("process.unix.file_descriptor.limit")
          .unit("{file_descriptor}")
          .description("The most file descriptors the process may open.")
          .callback(whenKnown(os::maxFileDescriptors)));
    }
  }
}
