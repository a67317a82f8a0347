package dev.stria.jmh.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * Defaults: {@code --out docs}, no memory file, no note, no README ({@code --readme README.md}
 * rewrites the README's benchmark section between its two markers), no virtual-thread check
 * ({@code --virtual-threads file} from {@code VirtualThreadCheck}, with {@value
 * #VIRTUAL_THREAD_PAIRS_FILE} beside it when {@code VirtualThreadPairs} ran), file names {@code
 * benchmarks.md} and {@code benchmarks.png} ({@code --name benchmarks-java25} writes {@code
 * benchmarks-java25.md} and {@code .png}). Every other argument is a JMH result file ({@code -rf
 * json}); lines of all files are merged.
 */
public final class BenchmarkReport {
  static final String MARKDOWN_FILE = "benchmarks.md";
  static final String CHART_FILE = "benchmarks.png";
  /** The default base name of both files; {@code --name} changes it (a per-JDK report). */
  static final String DEFAULT_NAME = "benchmarks";
  /**
   * {@code dev.stria.jmh.VirtualThreadPairs}' rounds, read from beside the virtual-thread check's
   * file when they are there: the throughput target is judged on them.
   */
  static final String VIRTUAL_THREAD_PAIRS_FILE = "virtual-thread-pairs.json";
  static final String README_BEGIN = "<!-- benchmarks:begin (written by jmh/run-benchmarks.sh) -->";
  static final String README_END = "<!-- benchmarks:end -->";

  private BenchmarkReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of("docs");
    Path memoryFile = null;
    String note = "";
    Path readme = null;
    Path virtualThreadsFile = null;
    String name = DEFAULT_NAME;
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
        case "--readme":
          readme = Path.of(args[++i]);
          break;
        case "--virtual-threads":
          virtualThreadsFile = Path.of(args[++i]);
          break;
        case "--name":
          name = args[++i];
          break;
        default:
          jmhFiles.add(Path.of(args[i]));
      }
    }
    if (jmhFiles.isEmpty()) {
      throw new IllegalArgumentException(
          "no JMH result file given: pass one or more files written with -rf json");
    }
    write(jmhFiles, memoryFile, virtualThreadsFile, note, out, name, readme);
    System.out.println("Wrote " + out.resolve(name + ".md") + " and " + out.resolve(name + ".png")
        + (readme == null ? "" : " and the benchmark section of " + readme));
  }

  /**
   * Reads the results and writes both files into {@code out}; when {@code readme} is not null,
   * also replaces its text between {@link #README_BEGIN} and {@link #README_END} with a summary.
   */
  static void write(List<Path> jmhFiles, Path memoryFile, String note, Path out, Path readme)
      throws IOException {
    write(jmhFiles, memoryFile, null, note, out, DEFAULT_NAME, readme);
  }

  /**
   * As {@link #write(List, Path, String, Path, Path)}, with the virtual-thread check's file (or
   * null) and the base name of the two files.
   */
  static void write(List<Path> jmhFiles, Path memoryFile, Path virtualThreadsFile, String note,
      Path out, String name, Path readme) throws IOException {
    String markdownFile = name + ".md";
    String chartFile = name + ".png";
    List<BenchmarkResult> results = new ArrayList<>();
    for (Path file : jmhFiles) {
      results.addAll(BenchmarkResult.parseJmh(Files.readString(file, StandardCharsets.UTF_8)));
    }
    List<MemoryResult> memory =
        memoryFile == null
            ? List.of()
            : MemoryResult.parse(Files.readString(memoryFile, StandardCharsets.UTF_8));
    Optional<VirtualThreadResult> virtualThreads =
        virtualThreadsFile == null
            ? Optional.empty()
            : Optional.of(VirtualThreadResult.parse(
                Files.readString(virtualThreadsFile, StandardCharsets.UTF_8)));
    Path pairsFile = virtualThreadsFile == null ? null
        : virtualThreadsFile.resolveSibling(VIRTUAL_THREAD_PAIRS_FILE);
    if (pairsFile != null && Files.exists(pairsFile)) {
      VirtualThreadPairsResult pairs =
          VirtualThreadPairsResult.parse(Files.readString(pairsFile, StandardCharsets.UTF_8));
      virtualThreads = virtualThreads.map(check -> check.withRounds(pairs));
    } else {
      pairsFile = null;
    }
    List<BenchmarkCase> cases = BenchmarkCase.group(results);
    Machine machine = Machine.current(results, lastModified(jmhFiles, memoryFile,
        virtualThreadsFile, pairsFile));
    Files.createDirectories(out);
    BarChart.write(cases, out.resolve(chartFile),
        "Stria and peers, " + machine.cores() + " cores, " + machine.date());
    Files.writeString(
        out.resolve(markdownFile),
        MarkdownReport.render(note, machine, results, cases, memory, virtualThreads, chartFile),
        StandardCharsets.UTF_8);
    if (readme != null) {
      String docsPath = readme.toAbsolutePath().getParent()
          .relativize(out.toAbsolutePath()).toString().replace('\\', '/');
      String summary = MarkdownReport.renderSummary(
          note, machine, results, cases, memory, virtualThreads,
          docsPath.isEmpty() ? "" : docsPath + "/");
      Files.writeString(readme,
          replaceSection(Files.readString(readme, StandardCharsets.UTF_8), summary),
          StandardCharsets.UTF_8);
    }
  }

  /** {@code text} with everything between the two markers replaced by {@code section}. */
  static String replaceSection(String text, String section) {
    int begin = text.indexOf(README_BEGIN);
    int end = text.indexOf(README_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the README has no benchmark section: expected the line "
          + README_BEGIN + " followed later by " + README_END);
    }
    return text.substring(0, begin + README_BEGIN.length()) + "\n" + section
        + text.substring(end);
  }

  /** When the newest of the run's result files (null ones skipped) was last written. */
  private static Instant lastModified(List<Path> jmhFiles, Path... others) throws IOException {
    List<Path> files = new ArrayList<>(jmhFiles);
    for (Path other : others) {
      if (other != null) {
        files.add(other);
      }
    }
    Instant newest = Instant.EPOCH;
    for (Path file : files) {
      Instant written = Files.getLastModifiedTime(file).toInstant();
      if (written.isAfter(newest)) {
        newest = written;
      }
    }
    return newest;
  }
}
