package dev.stria.jvm;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The program {@link CollectorsTest} runs in a child JVM with the collector under test: registers
 * the JVM metrics, runs {@code System.gc()} and, unless its argument is {@code --no-gc-wait},
 * waits (at most 30 s) until {@code jvm.gc.duration} has an observation for every collector the JDK
 * says has collected. Then prints what one collection found, a line per fact, tab separated:
 * {@code metric <name>}, {@code pool <type> <name>}, {@code gc <name> <action> <count>} and
 * {@code collector <name> <collections>} (the JDK's own count, for comparison).
 */
public final class GcProbe {
  private GcProbe() {}

  public static void main(String[] args) throws InterruptedException {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    JvmMetrics.register(registry);
    System.gc();
    boolean wait = !List.of(args).contains("--no-gc-wait");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<MetricSnapshot> batch = reader.collect();
    while (wait && !gcNames(batch).containsAll(collectorsThatCollected())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      batch = reader.collect();
    }
    for (MetricSnapshot metric : batch) {
      System.out.println("metric\t" + metric.name());
      for (PointSnapshot point : metric.points()) {
        if (metric.name().equals("jvm.memory.used")) {
          System.out.println("pool\t" + point.labels().get("jvm.memory.type") + "\t"
              + point.labels().get("jvm.memory.pool.name"));
        } else if (point instanceof HistogramPoint h) {
          System.out.println("gc\t" + point.labels().get("jvm.gc.name") + "\t"
              + point.labels().get("jvm.gc.action") + "\t" + h.count());
        }
      }
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      System.out.println("collector\t" + collector.getName() + "\t"
          + collector.getCollectionCount());
    }
  }

  private static Set<String> collectorsThatCollected() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(c -> c.getCollectionCount() > 0).map(GarbageCollectorMXBean::getName)
        .collect(Collectors.toSet());
  }

  private static Set<String> gcNames(List<MetricSnapshot> batch) {
    return batch.stream().filter(m -> m.name().equals("jvm.gc.duration"))
        .flatMap(m -> m.points().stream()).filter(p -> ((HistogramPoint) p).count() > 0)
        .map(p -> p.labels().get("jvm.gc.name"))
        .collect(Collectors.toSet());
  }
}
