package dev.stria.jvm;

import dev.stria.MeterRegistry;
import dev.stria.Registration;

/**
 * JVM and process metrics under the OpenTelemetry semantic conventions, registered on a
 * registry in one call.
 *
 * <pre>{@code
 * MeterRegistry registry = new MeterRegistry();
 * Registration jvm = JvmMetrics.register(registry);   // keep it to unregister: jvm.close()
 * }</pre>
 *
 * <p>Registered (names, units, instrument kinds and attributes as the stable JVM conventions
 * define them; Prometheus names in brackets):
 *
 * <ul>
 *   <li>{@code jvm.memory.used}, {@code jvm.memory.committed}, {@code jvm.memory.limit}, {@code
 *       jvm.memory.used_after_last_gc}: up-down counters in {@code By} per pool, attributes
 *       {@code jvm.memory.type} ({@code heap}, {@code non_heap}) and {@code jvm.memory.pool.name}
 *       ({@code jvm_memory_used_bytes{jvm_memory_type="heap",jvm_memory_pool_name="G1 Eden
 *       Space"}});
 *   <li>{@code jvm.gc.duration}: histogram in {@code s}, buckets 0.01, 0.1, 1, 10, attributes
 *       {@code jvm.gc.name} and {@code jvm.gc.action} ({@code jvm_gc_duration_seconds});
 *   <li>{@code jvm.thread.count}: up-down counter, attributes {@code jvm.thread.daemon} ({@code
 *       "true"}/{@code "false"}: Stria's attributes are strings) and {@code jvm.thread.state}
 *       ({@code jvm_thread_count});
 *   <li>{@code jvm.class.loaded}, {@code jvm.class.unloaded}: counters ({@code
 *       jvm_class_loaded_total}); {@code jvm.class.count}: up-down counter;
 *   <li>{@code jvm.cpu.time}: counter in {@code s} ({@code jvm_cpu_time_seconds_total}); {@code
 *       jvm.cpu.count}: up-down counter; {@code jvm.cpu.recent_utilization}: gauge, 0 to 1;
 *   <li>process metrics: {@code process.cpu.time}, {@code process.uptime}, {@code
 *       process.memory.usage} (resident, Linux) and {@code process.unix.file_descriptor.count}
 *       from the OpenTelemetry process conventions, and two names of Stria's own where those have
 *       none: {@code process.start_time} (seconds since the epoch, Prometheus {@code
 *       process_start_time_seconds}) and {@code process.unix.file_descriptor.limit}.
 * </ul>
 *
 * <p><b>Cost.</b> Everything except {@code jvm.gc.duration} is a callback read when a reader
 * collects: nothing runs on application threads and nothing runs between collections. {@code
 * jvm.gc.duration} is fed by the JDK's garbage collection notifications, one observation per
 * collection on the JDK's notification thread. Collecting all of them once took 37 µs and
 * allocated 16 kB (JMH: {@code dev.stria.jmh.JvmMetricsBenchmark}, JDK 17, about 15 threads).
 *
 * <p><b>Departures from the conventions.</b> {@code jvm.thread.daemon} is a string, as every
 * Stria attribute; {@code jvm.cpu.recent_utilization} is worked out from the CPU time (see the
 * README) rather than read from {@code getProcessCpuLoad()}, which costs more than all the rest.
 *
 * <p><b>Availability.</b> Metrics whose source this runtime lacks are not registered: the CPU
 * time and utilisation, the file descriptors and {@code jvm.gc.duration} need the
 * {@code jdk.management} module ({@code com.sun.management}), which every full JDK has; resident
 * memory needs Linux's {@code /proc}. The rest needs only {@code java.management}.
 */
public final class JvmMetrics {
  private JvmMetrics() {}

  /**
   * Registers every JVM and process metric on {@code registry}.
   *
   * @return the handle whose {@code close()} unregisters the callbacks and removes the garbage
   *     collection listeners; {@code jvm.gc.duration} stays registered with what it recorded (a
   *     histogram cannot be unregistered), and registering again reuses it
   * @throws IllegalArgumentException when {@code registry} is null, or one of the names is
   *     already registered on it (the message names both registrations); then nothing stays
   *     registered
   */
  public static Registration register(MeterRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("JvmMetrics.register needs a registry, got null");
    }
    OperatingSystemReadings os = OperatingSystemReadings.find();
    Registrations all = new Registrations();
    try {
      MemoryPoolMetrics.register(registry, all);
      if (JdkExtension.has("com.sun.management.GarbageCollectionNotificationInfo")) {
        GcDurationMetrics.register(registry, all); // links against com.sun.management
      }
      ThreadMetrics.register(registry, all);
      ClassMetrics.register(registry, all);
      CpuMetrics.register(registry, all, os);
      ProcessMetrics.register(registry, all, os);
    } catch (RuntimeException | Error failure) {
      all.close();
      throw failure;
    }
    return all;
  }
}
