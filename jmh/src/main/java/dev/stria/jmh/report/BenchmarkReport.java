package dev.stria.jmh.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JMH JSON results and the memory program's JSON into {@code docs/benchmarks.md} (tables
 * with ns/op, error, ratio to the best peer, allocation, the machine and JDK, and the issue's
 * targets) and {@code docs/benchmarks.png} (a bar chart).
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.stria.jmh.report.BenchmarkReport \
 *     --out docs --memory jmh/target/memory.json --note "Quick smoke run" \
 *     jmh/target/jmh-threads1.json jmh/target/jmh-threads2.json
 * }</pre>
 *
 * Defaults: {@code --out docs}, no memory file, no note. Every other argument is a JMH result
 * file ({@code -rf json}); lines of all files are merged.
 */
public final class BenchmarkReport {
  static final String MARKDOWN_FILE = "benchmarks.md";
  static final String CHART_FILE = "benchmarks.png";

  private BenchmarkReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of("docs");
    Path memoryFile = null;
    String note = "";
    List<Path> jmhFiles = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out":
          out = Path.of(args[++i]);
          break;
        case "--memory":
          memoryFile = Path.of(args[++i]);
          break;
        case "--note":
          note = args[++i];
          break;
        default:
          jmhFiles.add(Path.of(args[i]));
      }
    }
    if (jmhFiles.isEmpty()) {
      throw new IllegalArgumentException(
          "no JMH result file given: pass one or more files written with -rf json");
    }
    write(jmhFiles, memoryFile, note, out);
    System.out.println("Wrote " + out.resolve(MARKDOWN_FILE) + " and " + out.resolve(CHART_FILE));
  }

  /** Reads the results and writes both files into {@code out}. */
  static void write(List<Path> jmhFiles, Path memoryFile, String note, Path out)
      throws IOException {
    List<BenchmarkResult> results = new ArrayList<>();
    for (Path file : jmhFiles) {
      results.addAll(BenchmarkResult.parseJmh(Files.readString(file, StandardCharsets.UTF_8)));
    }
    List<MemoryResult> memory =
        memoryFile == null
            ? List.of()
            : MemoryResult.parse(Files.readString(memoryFile, StandardCharsets.UTF_8));
    List<BenchmarkCase> cases = BenchmarkCase.group(results);
    Machine machine = Machine.current(results);
    Files.createDirectories(out);
    BarChart.write(cases, out.resolve(CHART_FILE),
        "Stria and peers, " + machine.cores() + " cores, " + machine.date());
    Files.writeString(
        out.resolve(MARKDOWN_FILE),
        MarkdownReport.render(note, machine, results, cases, memory, CHART_FILE),
        StandardCharsets.UTF_8);
  }
}
