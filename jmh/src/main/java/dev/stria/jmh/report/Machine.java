package dev.stria.jmh.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Where and when a run happened, as the report prints it. */
record Machine(int cores, String cpu, String os, String jdk, String date) {

  /**
   * This machine, the report program running on the machine of the benchmarks (right after them,
   * or later from the files they left). The JDK is the one the benchmarks ran on when the results
   * name it; the date is {@code finished}, when the run wrote its last result, so a report
   * rebuilt from the same files keeps the run's date.
   */
  static Machine current(List<BenchmarkResult> results, Instant finished) {
    String jdk =
        results.isEmpty()
            ? System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            : results.get(0).run().vmName() + " " + results.get(0).run().vmVersion();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        jdk,
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .format(finished.atZone(ZoneOffset.UTC)));
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(cpuinfo)) {
        for (String line : Files.readAllLines(cpuinfo)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      }
    } catch (IOException e) {
      // fall through: the model is a nicety, the core count is what matters
    }
    return "unknown CPU";
  }

  String describe() {
    return cores + " cores, " + cpu + ", " + os + "; " + jdk + "; " + date;
  }
}
