package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Each garbage collector of the JDK running the tests (17 and 25 in CI), in a JVM of its own:
 * after a {@code System.gc()}, {@code jvm.gc.duration} has the collector's name and action, and
 * {@code jvm.memory.used} its heap pools. The expected names are the JDK's, as its
 * GarbageCollectorMXBeans and MemoryPoolMXBeans document them for each collector.
 */
class CollectorsTest {
  private static final boolean GENERATIONAL_ZGC = Runtime.version().feature() >= 23;

  enum Collector {
    G1("-XX:+UseG1GC", "G1 Old Generation\tend of major GC",
        "G1 Eden Space", "G1 Old Gen", "G1 Survivor Space"),
    PARALLEL("-XX:+UseParallelGC", "PS MarkSweep\tend of major GC",
        "PS Eden Space", "PS Old Gen", "PS Survivor Space"),
    SERIAL("-XX:+UseSerialGC", "MarkSweepCompact\tend of major GC",
        "Eden Space", "Tenured Gen", "Survivor Space"),
    // ZGC reports its pauses and its cycles; generational ZGC (the only one from JDK 24 on,
    // the default from 23) names them after the generation and has a pool per generation.
    ZGC("-XX:+UseZGC", "ZGC (Major )?Pauses\tend of GC pause",
        GENERATIONAL_ZGC ? new String[] {"ZGC Old Generation", "ZGC Young Generation"}
            : new String[] {"ZHeap"}) {
      @Override
      List<String> moreCollections() {
        return List.of("ZGC (Major )?Cycles\tend of GC cycle");
      }
    };

    final String flag;
    final String fullCollection;
    final String[] heapPools;

    Collector(String flag, String fullCollection, String... heapPools) {
      this.flag = flag;
      this.fullCollection = fullCollection;
      this.heapPools = heapPools;
    }

    List<String> moreCollections() {
      return List.of();
    }
  }

  @ParameterizedTest
  @EnumSource(Collector.class)
  void aSystemGcShowsUpUnderTheCollectorsNameAndActionBesideItsHeapPools(Collector collector)
      throws Exception {
    List<String> lines = runProbe(collector.flag);

    List<String> gcSeries = fields(lines, "gc").map(f -> f[0] + "\t" + f[1]).toList();
    for (String expected : Stream.concat(Stream.of(collector.fullCollection),
        collector.moreCollections().stream()).toList()) {
      assertThat(gcSeries).as("jvm.gc.duration series").anyMatch(Pattern.compile(expected)
          .asMatchPredicate());
    }
    // Every collector the JDK says has collected has its series, with no more than it counted.
    for (String[] jdk : fields(lines, "collector").filter(f -> Long.parseLong(f[1]) > 0).toList()) {
      long recorded = fields(lines, "gc").filter(f -> f[0].equals(jdk[0]))
          .mapToLong(f -> Long.parseLong(f[2])).sum();
      assertThat(recorded).as(jdk[0]).isBetween(1L, Long.parseLong(jdk[1]));
    }
    List<String> pools = fields(lines, "pool").map(f -> f[0] + "\t" + f[1]).toList();
    for (String heapPool : collector.heapPools) {
      assertThat(pools).contains("heap\t" + heapPool);
    }
    assertThat(pools).contains("non_heap\tMetaspace");
  }

  @Test
  void withoutTheJdkManagementModuleEverythingElseIsRegistered() throws Exception {
    List<String> metrics = fields(runProbe("--limit-modules", "java.management", "--no-gc-wait"),
        "metric").map(f -> f[0]).toList();
    assertThat(metrics).contains("jvm.memory.used", "jvm.memory.used_after_last_gc",
            "jvm.thread.count", "jvm.class.loaded", "jvm.cpu.count", "process.uptime",
            "process.start_time")
        .doesNotContain("jvm.gc.duration", "jvm.cpu.time", "jvm.cpu.recent_utilization",
            "process.unix.file_descriptor.count");
  }

  /** The probe's lines; JVM options come before the class, {@code --no-gc-wait} after it. */
  private static List<String> runProbe(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    List<String> programArgs = new ArrayList<>();
    for (String option : options) {
      (option.equals("--no-gc-wait") ? programArgs : command).add(option);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        GcProbe.class.getName()));
    command.addAll(programArgs);
    Path out = Files.createTempFile("gc-probe", ".out");
    Path err = Files.createTempFile("gc-probe", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the probe did not exit: " + command);
      }
      String stderr = Files.readString(err);
      assertThat(process.exitValue()).as(command + "\n" + stderr).isZero();
      assertThat(stderr).as("the probe's errors").isEmpty();
      return Files.readAllLines(out);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Stream<String[]> fields(List<String> lines, String kind) {
    return lines.stream().map(l -> l.split("\t")).filter(f -> f[0].equals(kind))
        .map(f -> java.util.Arrays.copyOfRange(f, 1, f.length));
  }
}
