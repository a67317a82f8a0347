package dev.stria.jvm;

import dev.stria.MeterRegistry;
import dev.stria.Observations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code jvm.memory.used}, {@code .committed}, {@code .limit} and {@code .used_after_last_gc}:
 * up-down counters in bytes, one series per memory pool labelled {@code jvm.memory.type} ({@code
 * heap} or {@code non_heap}) and {@code jvm.memory.pool.name}, read from the pools'
 * {@link MemoryPoolMXBean}s at collection time.
 *
 * <p>The pools are listed once, at registration: the JVM creates them at startup. A pool that is
 * no longer valid is skipped, as is a limit the JVM does not define ({@code -1}) and the
 * after-collection usage of a pool no collector manages.
 */
final class MemoryPoolMetrics {
  static final String TYPE = "jvm.memory.type";
  static final String POOL = "jvm.memory.pool.name";

  private MemoryPoolMetrics() {}

  /** One pool with its label values, built once. */
  private record Pool(MemoryPoolMXBean bean, String[] labelValues) {
    static Pool of(MemoryPoolMXBean bean) {
      String type = bean.getType() == MemoryType.HEAP ? "heap" : "non_heap";
      return new Pool(bean, new String[] {type, bean.getName()});
    }
  }

  static void register(MeterRegistry registry, Registrations all) {
    Pool[] pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .map(Pool::of).toArray(Pool[]::new);
    all.add(registry.upDownCounter("jvm.memory.used").unit("By")
        .description("Measure of memory used.").labelNames(TYPE, POOL)
        .callback(report(pools, MemoryPoolMXBean::getUsage, MemoryUsage::getUsed)));
    all.add(registry.upDownCounter("jvm.memory.committed").unit("By")
        .description("Measure of memory committed.").labelNames(TYPE, POOL)
        .callback(report(pools, MemoryPoolMXBean::getUsage, MemoryUsage::getCommitted)));
    all.add(registry.upDownCounter("jvm.memory.limit").unit("By")
        .description("Measure of max obtainable memory.").labelNames(TYPE, POOL)
        .callback(report(pools, MemoryPoolMXBean::getUsage, MemoryUsage::getMax)));
    all.add(registry.upDownCounter("jvm.memory.used_after_last_gc").unit("By")
        .description("Measure of memory used, as measured after the most recent garbage"
            + " collection event on this pool.")
        .labelNames(TYPE, POOL)
        .callback(report(pools, MemoryPoolMXBean::getCollectionUsage, MemoryUsage::getUsed)));
  }

  /**
   * A callback reporting {@code field} of {@code usage} for every valid pool; a null usage (no
   * collector manages the pool) or a value of {@code -1} (undefined) is left out.
   */
  private static Consumer<Observations> report(Pool[] pools,
      Function<MemoryPoolMXBean, MemoryUsage> usage, ToLongFunction<MemoryUsage> field) {
    return out -> {
      for (Pool pool : pools) {
        if (!pool.bean.isValid()) {
          continue;
        }
        MemoryUsage reading = usage.apply(pool.bean);
        if (reading == null) {
          continue;
        }
        long bytes = field.applyAsLong(reading);
        if (bytes >= 0) {
          out.record(bytes, pool.labelValues);
        }
      }
    };
  }
}
