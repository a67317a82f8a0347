package dev.stria.jvm;

import dev.stria.MeterRegistry;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code jvm.class.loaded} and {@code jvm.class.unloaded} (counters since the JVM started) and
 * {@code jvm.class.count} (an up-down counter of the classes loaded now), read from the
 * {@link ClassLoadingMXBean} at collection time.
 */
final class ClassMetrics {
  private ClassMetrics() {}

  static void register(MeterRegistry registry, Registrations all) {
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    all.add(registry.counter("jvm.class.loaded").unit("{class}")
        .description("Number of classes loaded since JVM start.")
        .callback(classes::getTotalLoadedClassCount));
    all.add(registry.counter("jvm.class.unloaded").unit("{class}")
        .description("Number of classes unloaded since JVM start.")
        .callback(classes::getUnloadedClassCount));
    all.add(registry.upDownCounter("jvm.class.count").unit("{class}")
        .description("Number of classes currently loaded.")
        .callback(classes::getLoadedClassCount));
  }
}
