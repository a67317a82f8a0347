package dev.stria.jvm;

import dev.stria.MeterRegistry;
import dev.stria.Observations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
    // used, committed and limit come from one getUsage() per pool and collection
    SharedReading<MemoryUsage[]> usage = new SharedReading<>(() -> read(pools,
        MemoryPoolMXBean::getUsage));
    all.add(registry.upDownCounter("jvm.memory.used").unit("By")
        .description("Measure of memory used.").labelNames(TYPE, POOL)
        .callback(report(pools, usage::get, MemoryUsage::getUsed)));
    all.add(registry.upDownCounter("jvm.memory.committed").unit("By")
        .description("Measure of memory committed.").labelNames(TYPE, POOL)
        .callback(report(pools, usage::get, MemoryUsage::getCommitted)));
    all.add(registry.upDownCounter("jvm.memory.limit").unit("By")
        .description("Measure of max obtainable memory.").labelNames(TYPE, POOL)
        .callback(report(pools, usage::get, MemoryUsage::getMax)));
    all.add(registry.upDownCounter("jvm.memory.used_after_last_gc").unit("By")
        .description("Measure of memory used, as measured after the most recent garbage"
            + " collection event on this pool.")
        .labelNames(TYPE, POOL)
        .callback(report(pools, () -> read(pools, MemoryPoolMXBean::getCollectionUsage),
            MemoryUsage::getUsed)));
  }

  /** One usage per pool, in the pools' order; null for a pool no longer valid. */
  private static MemoryUsage[] read(Pool[] pools, Function<MemoryPoolMXBean, MemoryUsage> usage) {
    MemoryUsage[] readings = new MemoryUsage[pools.length];
    for (int i = 0; i < pools.length; i++) {
      if (pools[i].bean.isValid()) {
        readings[i] = usage.apply(pools[i].bean);
      }
    }
    return readings;
  }

  /**
   * A callback reporting {@code field} of each pool's reading; a null reading (an invalid pool,
   * or one no collector manages) or a value of {@code -1} (undefined) is left out.
   */
  private static Consumer<Observations> report(Pool[] pools, Supplier<MemoryUsage[]> usage,
      ToLongFunction<MemoryUsage> field) {
    return out -> {
      MemoryUsage[] readings = usage.get();
      for (int i = 0; i < pools.length; i++) {
        long bytes = readings[i] == null ? -1 : field.applyAsLong(readings[i]);
        if (bytes >= 0) {
          out.record(bytes, pools[i].labelValues);
        }
      }
    };
  }
}
