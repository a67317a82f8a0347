package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.Registration;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmMetricsTest {
  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
  private final Registration jvm = JvmMetrics.register(registry);

  @AfterEach
  void unregister() {
    jvm.close();
  }

  private Collected collect() {
    return Collected.of(reader.collect());
  }

  @Test
  void everyMetricHasTheConventionsKindUnitAndAttributes() throws Exception {
    GcWatch.collectGarbageAndAwaitNotification();
    Collected collected = collect();

    assertThat(collected.byName().keySet())
        .containsExactlyInAnyOrderElementsOf(Convention.ALL.stream().map(Convention::name).toList());
    for (Convention convention : Convention.ALL) {
      MetricSnapshot metric = collected.metric(convention.name());
      assertThat(metric.type()).as(convention.name()).isEqualTo(convention.type());
      assertThat(metric.unit()).as(convention.name()).isEqualTo(convention.unit());
      assertThat(metric.description()).as(convention.name()).isNotBlank();
      assertThat(metric.points()).as(convention.name()).isNotEmpty()
          .allSatisfy(p -> assertThat(p.labels().names()).isEqualTo(convention.labels()));
    }
  }

  @Test
  void everyMemoryPoolIsReportedWithItsTypeAndUsedWithinCommittedWithinLimit() {
    Collected collected = collect();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String[] labels = {"jvm.memory.type",
          pool.getType() == java.lang.management.MemoryType.HEAP ? "heap" : "non_heap",
          "jvm.memory.pool.name", pool.getName()};
      double used = collected.value("jvm.memory.used", labels);
      double committed = collected.value("jvm.memory.committed", labels);
      assertThat(used).as(pool.getName()).isBetween(0.0, committed);
      if (pool.getUsage().getMax() >= 0) {
        assertThat(committed).as(pool.getName())
            .isLessThanOrEqualTo(collected.value("jvm.memory.limit", labels));
      }
    }
    assertThat(collected.value("jvm.memory.used",
        "jvm.memory.type", "non_heap", "jvm.memory.pool.name", "Metaspace")).isPositive();
    assertThat(collected.metric("jvm.memory.used").points())
        .anySatisfy(p -> assertThat(p.labels().get("jvm.memory.type")).isEqualTo("heap"));
  }

  @Test
  void afterACollectionTheHeapPoolsReportTheirUsageAfterIt() throws Exception {
    GcWatch.collectGarbageAndAwaitNotification();
    assertThat(collect().metric("jvm.memory.used_after_last_gc").points())
        .anySatisfy(p -> assertThat(p.labels().get("jvm.memory.type")).isEqualTo("heap"))
        .noneSatisfy(p -> assertThat(p.labels().get("jvm.memory.pool.name"))
            .isEqualTo("Metaspace")); // no collector manages it: no usage after collection
  }

  @Test
  void aGarbageCollectionIsRecordedWithTheCollectorsNameAndAction() throws Exception {
    long before = collect().histogramCount("jvm.gc.duration");
    List<String> seen = GcWatch.collectGarbageAndAwaitNotification();

    MetricSnapshot duration = collect().metric("jvm.gc.duration");
    assertThat(duration.points().stream().mapToLong(p ->
        ((dev.stria.snapshot.HistogramPoint) p).count()).sum()).isGreaterThan(before);
    // The listener of JvmMetrics was added first, so it saw every notification the watch saw.
    assertThat(duration.points()).extracting(p -> p.labels().get("jvm.gc.name") + "|"
        + p.labels().get("jvm.gc.action")).containsAll(seen);
    assertThat(duration.points()).allSatisfy(p -> assertThat(
        ((dev.stria.snapshot.HistogramPoint) p).bounds()).containsExactly(0.01, 0.1, 1, 10));
  }

  @Test
  void closingUnregistersTheCallbacksAndStopsRecordingCollections() throws Exception {
    GcWatch.collectGarbageAndAwaitNotification();
    jvm.close();
    long recorded = collect().histogramCount("jvm.gc.duration");

    GcWatch.collectGarbageAndAwaitNotification(); // delivered after the removed listener's turn
    Collected after = collect();
    assertThat(after.byName().keySet()).containsExactly("jvm.gc.duration");
    assertThat(after.histogramCount("jvm.gc.duration")).isEqualTo(recorded);

    try (Registration again = JvmMetrics.register(registry)) {
      assertThat(collect().byName()).containsKey("jvm.memory.used");
    }
  }

  @Test
  void registeringTwiceOnOneRegistryIsRefusedNamingTheMetricAndLeavesTheFirstIntact() {
    assertThatThrownBy(() -> JvmMetrics.register(registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jvm.memory.used");
    assertThat(collect().byName()).containsKeys("jvm.memory.used", "process.uptime");
    assertThatThrownBy(() -> JvmMetrics.register(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
  }

  @Test
  void blockedDaemonThreadsAreCountedAsDaemonAndBlocked() throws Exception {
    Object monitor = new Object();
    List<Thread> blocked = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(5);
    synchronized (monitor) {
      for (int i = 0; i < 5; i++) {
        Thread t = new Thread(() -> {
          started.countDown();
          synchronized (monitor) {
            monitor.notifyAll();
          }
        }, "blocked-daemon-" + i);
        t.setDaemon(true);
        t.start();
        blocked.add(t);
      }
      started.await();
      for (Thread t : blocked) {
        while (t.getState() != Thread.State.BLOCKED) {
          Thread.onSpinWait();
        }
      }
      assertThat(collect().value("jvm.thread.count",
          "jvm.thread.daemon", "true", "jvm.thread.state", "blocked")).isGreaterThanOrEqualTo(5);
      assertThat(collect().value("jvm.thread.count", // this thread: runnable, not a daemon
          "jvm.thread.daemon", "false", "jvm.thread.state", "runnable")).isGreaterThanOrEqualTo(1);
    }
    for (Thread t : blocked) {
      t.join();
    }
  }

  @Test
  void loadingAClassInANewLoaderCountsOneMoreLoadedClass() throws Exception {
    double loaded = collect().value("jvm.class.loaded");
    URL classes = JvmMetricsTest.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
      Class.forName(Collected.class.getName(), true, fresh);
      Collected after = collect();
      assertThat(after.value("jvm.class.loaded")).isGreaterThan(loaded);
      assertThat(after.value("jvm.class.count"))
          .isLessThanOrEqualTo(after.value("jvm.class.loaded"));
    }
  }

  @Test
  void cpuTimeGrowsWithWorkAndUtilisationIsAFraction() {
    double before = collect().value("jvm.cpu.time");
    long spin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long x = 0;
    while (System.nanoTime() < spin) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
    Collected after = collect();
    assertThat(x).isNotNegative();
    assertThat(after.value("jvm.cpu.time")).isGreaterThan(before);
    assertThat(after.value("process.cpu.time")).isGreaterThan(before);
    assertThat(after.value("jvm.cpu.count"))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(after.metric("jvm.cpu.recent_utilization").points())
        .singleElement().satisfies(p -> assertThat(((dev.stria.snapshot.GaugePoint) p).value())
            .isGreaterThan(0.0).isLessThanOrEqualTo(1.0)); // this JVM did work since it started
  }

  @Test
  void startTimeAgreesWithTheOperatingSystemsAccountOfTheProcess() {
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
    Collected collected = collect();
    assertThat(collected.value("process.start_time"))
        .isCloseTo(started.toEpochMilli() / 1e3, within(5.0));
    double uptime = collected.value("process.uptime");
    assertThat(collected.value("process.start_time") + uptime)
        .isCloseTo(System.currentTimeMillis() / 1e3, within(5.0));
  }

  @Test
  void openingFilesRaisesTheDescriptorCountBelowItsLimit(@TempDir Path dir) throws IOException {
    int opened = 100;
    // The JVM and other tests' servers open and close descriptors of their own meanwhile (a
    // run once saw one close between the readings), so a few may go either way.
    int othersClosing = 10;
    double before = collect().value("process.unix.file_descriptor.count");
    List<FileChannel> open = new ArrayList<>();
    try {
      for (int i = 0; i < opened; i++) {
        open.add(FileChannel.open(Files.createFile(dir.resolve("f" + i))));
      }
      Collected during = collect();
      assertThat(during.value("process.unix.file_descriptor.count"))
          .isGreaterThanOrEqualTo(before + opened - othersClosing)
          .isLessThanOrEqualTo(during.value("process.unix.file_descriptor.limit"));
    } finally {
      for (FileChannel channel : open) {
        channel.close();
      }
    }
  }

  @Test
  void residentMemoryAgreesWithTheKernelsOwnAccountInKilobytes() throws IOException {
    double statm = collect().value("process.memory.usage");
    long vmRssBytes = ResidentMemory.statusKilobytes(
        Files.readString(ResidentMemory.STATUS), "VmRSS:") * 1024;
    assertThat(statm).isCloseTo(vmRssBytes, within(0.2 * vmRssBytes));
  }

  @Test
  void threadCountAgreesWithTheThreadMXBean() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int attempt = 0; attempt < 20; attempt++) { // until no thread started or ended meanwhile
      int before = mx.getThreadCount();
      double counted = collect().total("jvm.thread.count");
      if (mx.getThreadCount() == before) {
        assertThat(counted).isEqualTo(before);
        return;
      }
    }
    throw new AssertionError("threads kept starting and ending; nothing compared");
  }

  @Test
  void noPointIsNegative() {
    for (MetricSnapshot metric : reader.collect()) {
      for (PointSnapshot point : metric.points()) {
        if (point instanceof dev.stria.snapshot.GaugePoint g) {
          assertThat(g.value()).as(metric.name()).isNotNegative();
        } else if (point instanceof dev.stria.snapshot.CounterPoint c) {
          assertThat(c.value()).as(metric.name()).isNotNegative();
        }
      }
    }
  }
}
