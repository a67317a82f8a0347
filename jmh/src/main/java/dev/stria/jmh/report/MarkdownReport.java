package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Writes {@code docs/benchmarks.md}: the machine, one table per case, memory, and the targets. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(
      String note,
      Machine machine,
      List<BenchmarkResult> results,
      List<BenchmarkCase> cases,
      List<MemoryResult> memory,
      Optional<VirtualThreadResult> virtualThreads,
      String chartFileName) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    if (!note.isBlank()) {
      md.append("> ").append(note.strip()).append("\n\n");
    }
    appendMachine(md, machine, results, cases);
    md.append("ns/op is the average time per operation (lower is better); ± is JMH's 99.9% "
        + "confidence half-width (\"—\" when a single iteration gives none). The ratio divides a "
        + "line's ns/op by the best peer's in the same case; Stria and the JDK floors are not "
        + "peers. B/op is `gc.alloc.rate.norm` from `-prof gc` (below ~1 B/op is harness "
        + "noise).\n\n");
    if (!chartFileName.isEmpty()) {
      md.append("![Best ns/op of each library per case](").append(chartFileName).append(")\n\n");
    }
    md.append("## Targets\n\n");
    appendTargets(md, cases, memory, virtualThreads);
    md.append("Older checks of the suite (not issue 15's):\n\n");
    appendVerdicts(md, Targets.otherChecks(cases));
    appendFloors(md, cases);
    md.append("## Recording cost\n\n");
    for (BenchmarkCase benchmarkCase : cases) {
      md.append("### ").append(benchmarkCase.title()).append("\n\n");
      md.append("| library | benchmark | ns/op | ± | ratio to best peer | B/op |\n");
      md.append("|---|---|---:|---:|---:|---:|\n");
      for (BenchmarkResult line : benchmarkCase.lines()) {
        Library library = Library.of(line.method());
        String method = library == Library.STRIA ? "**" + line.method() + "**" : line.method();
        md.append("| ").append(library.displayName())
            .append(" | ").append(method)
            .append(" | ").append(formatScore(line.score()))
            .append(" | ").append(Double.isNaN(line.error()) ? "—" : formatScore(line.error()))
            .append(" | ").append(formatRatio(benchmarkCase.ratioToBestPeer(line)))
            .append(" | ").append(formatBytes(line.allocatedBytesPerOp()))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (!memory.isEmpty()) {
      renderMemory(md, memory);
    }
    return md.toString();
  }

  /**
   * The README's part of a run: note, machine, chart, targets and one line per case (Stria's
   * fastest line beside the fastest peer's), with links into the full report.
   */
  static String renderSummary(
      String note,
      Machine machine,
      List<BenchmarkResult> results,
      List<BenchmarkCase> cases,
      List<MemoryResult> memory,
      Optional<VirtualThreadResult> virtualThreads,
      String docsPath) {
    StringBuilder md = new StringBuilder();
    if (!note.isBlank()) {
      md.append("> ").append(note.strip()).append("\n\n");
    }
    appendMachine(md, machine, results, cases);
    md.append("![Best ns/op of each library per case](").append(docsPath)
        .append(BenchmarkReport.CHART_FILE).append(")\n\n");
    md.append("| case | Stria ns/op | fastest peer | peer ns/op | Stria / peer | Stria B/op |\n");
    md.append("|---|---:|---|---:|---:|---:|\n");
    for (BenchmarkCase benchmarkCase : cases) {
      if (benchmarkCase.bestPeerScore().isEmpty()) {
        continue; // internal comparisons are in the full report only
      }
      BenchmarkResult stria = null;
      BenchmarkResult peer = null;
      for (BenchmarkResult line : benchmarkCase.lines()) {
        Library library = Library.of(line.method());
        if (library == Library.STRIA && stria == null && isHeadline(benchmarkCase, line)) {
          stria = line;
        } else if (library.isPeer() && peer == null) {
          peer = line;
        }
      }
      md.append("| ").append(benchmarkCase.title())
          .append(" | ").append(stria == null ? "—" : formatScore(stria.score()))
          .append(" | ").append(peer == null ? "—" : peer.method())
          .append(" | ").append(peer == null ? "—" : formatScore(peer.score()))
          .append(" | ").append(stria == null ? "—"
              : formatRatio(benchmarkCase.ratioToBestPeer(stria)))
          .append(" | ").append(stria == null ? "—" : formatBytes(stria.allocatedBytesPerOp()))
          .append(" |\n");
    }
    md.append("\nTargets of issue 15 (and issue 12's bridge), checked against this run:\n\n");
    appendTargets(md, cases, memory, virtualThreads);
    md.append("Every line, error bars and memory per series: [").append(docsPath)
        .append(BenchmarkReport.MARKDOWN_FILE).append("](").append(docsPath)
        .append(BenchmarkReport.MARKDOWN_FILE).append(").\n");
    return md.toString();
  }

  private static void appendMachine(StringBuilder md, Machine machine,
      List<BenchmarkResult> results, List<BenchmarkCase> cases) {
    md.append("- Machine: ").append(machine.cores()).append(" cores, ").append(machine.cpu())
        .append(", ").append(machine.os()).append('\n');
    md.append("- Atomic-add floor: ").append(atomicAddFloor(cases)).append('\n');
    md.append("- JDK: ").append(machine.jdk()).append('\n');
    md.append("- Date: ").append(machine.date()).append('\n');
    for (String settings : runSettings(results)) {
      md.append("- JMH: ").append(settings).append('\n');
    }
    md.append('\n');
  }

  /**
   * What one uncontended atomic add costs on this machine, from the floors of the run: every
   * ratio of the report means more beside it (a record path cannot be much cheaper than one).
   */
  static String atomicAddFloor(List<BenchmarkCase> cases) {
    for (String[] floor : new String[][] {
        {"CounterBenchmark", "floorGetAndAddPerThread", "floorLongAdder"},
        {"CounterCellBenchmark", "atomicGetAndAddPerThread", "longAdderIncrement"}}) {
      OptionalDouble getAndAdd = oneThreadScore(cases, floor[0], floor[1]);
      OptionalDouble longAdder = oneThreadScore(cases, floor[0], floor[2]);
      if (getAndAdd.isPresent() || longAdder.isPresent()) {
        return "uncontended `getAndAdd` " + floorText(getAndAdd)
            + ", `LongAdder.increment()` " + floorText(longAdder) + " (" + floor[0]
            + ", 1 thread)";
      }
    }
    return "not measured in this run (CounterBenchmark's floors did not run)";
  }

  private static OptionalDouble oneThreadScore(
      List<BenchmarkCase> cases, String simpleName, String method) {
    return cases.stream()
        .filter(c -> c.classSimpleName().equals(simpleName) && c.threads() == 1)
        .flatMap(c -> c.lines().stream())
        .filter(line -> line.method().equals(method))
        .mapToDouble(BenchmarkResult::score)
        .min();
  }

  private static String floorText(OptionalDouble score) {
    return score.isPresent() ? formatScore(score.getAsDouble()) + " ns" : "not measured";
  }

  /**
   * Whether a Stria line may stand for its case in the summary (the fastest such line does). The
   * bridge's case also holds Stria's own and bind()-bound series, which are faster but are not
   * what code calling {@code counter.add(1, attributes)} gets: its row shows the bridge.
   */
  private static boolean isHeadline(BenchmarkCase benchmarkCase, BenchmarkResult line) {
    if (!benchmarkCase.classSimpleName().equals("BridgeBenchmark")) {
      return true;
    }
    String method = line.method();
    return method.startsWith("striaBridge") && !method.startsWith("striaBridgeBound");
  }

  /**
   * Each histogram record path (1 thread) beside what a single-writer record of the same values
   * cannot avoid: {@code RecordFloorBenchmark}'s bucket index plus plain adds.
   */
  private static void appendFloors(StringBuilder md, List<BenchmarkCase> cases) {
    String[][] paths = {
      {"HistogramBenchmark", "stria", "explicitIndexPlainAdds"},
      {"ExplicitCellBenchmark", "striaExplicitRecord", "explicitCellIndexPlainAdds"},
      {"ExponentialHistogramBenchmark", "stria", "exponentialIndexPlainAdds"},
      {"ExponentialCellBenchmark", "striaExponentialRecord", "exponentialCellIndexPlainAdds"},
    };
    md.append("Histogram record paths against their floor (`RecordFloorBenchmark`: the bucket "
        + "index and plain adds into an array one thread owns, same values; 1 thread):\n\n");
    md.append("| record path | ns/op | floor | floor ns/op | path / floor |\n");
    md.append("|---|---:|---|---:|---:|\n");
    for (String[] path : paths) {
      OptionalDouble score = oneThreadScore(cases.stream()
          .filter(c -> !c.params().containsKey("scale") || c.params().get("scale").equals("5"))
          .toList(), path[0], path[1]); // the exponential cell's floor draws scale 5's values
      OptionalDouble floor = oneThreadScore(cases, "RecordFloorBenchmark", path[2]);
      md.append("| ").append(path[0]).append('.').append(path[1])
          .append(" | ").append(score.isPresent() ? formatScore(score.getAsDouble()) : "—")
          .append(" | ").append(path[2])
          .append(" | ").append(floor.isPresent() ? formatScore(floor.getAsDouble()) : "—")
          .append(" | ").append(score.isPresent() && floor.isPresent()
              ? formatRatio(score.getAsDouble() / floor.getAsDouble()) : "not measured")
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void appendTargets(StringBuilder md, List<BenchmarkCase> cases,
      List<MemoryResult> memory, Optional<VirtualThreadResult> virtualThreads) {
    appendVerdicts(md, Targets.evaluate(cases, memory, virtualThreads));
  }

  private static void appendVerdicts(StringBuilder md, List<Targets.Verdict> verdicts) {
    md.append("| target | measured | limit | met |\n|---|---|---|---|\n");
    for (Targets.Verdict verdict : verdicts) {
      md.append("| ").append(verdict.target()).append(" | ").append(verdict.measured())
          .append(" | ").append(verdict.limit()).append(" | ")
          .append(verdict.met().map(met -> met ? "yes" : "**no**").orElse("—"))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void renderMemory(StringBuilder md, List<MemoryResult> memory) {
    md.append("## Memory per series\n\n");
    md.append("Retained heap after a full GC per labelled series (one observation each), "
        + "median of several trials; the ratio is to the smallest peer of the same kind.\n\n");
    Set<String> groups = new LinkedHashSet<>();
    memory.forEach(m -> groups.add(m.kind() + "|" + m.writers()));
    for (String group : groups) {
      String kind = group.substring(0, group.indexOf('|'));
      int writers = Integer.parseInt(group.substring(group.indexOf('|') + 1));
      List<MemoryResult> lines = new ArrayList<>();
      memory.stream().filter(m -> m.kind().equals(kind) && m.writers() == writers)
          .forEach(lines::add);
      lines.sort(Comparator.comparingDouble(MemoryResult::bytesPerSeries));
      OptionalDouble bestPeer = lines.stream()
          .filter(m -> Library.of(m.library()).isPeer())
          .mapToDouble(MemoryResult::bytesPerSeries)
          .min();
      md.append("### ").append(capitalize(kind)).append(" series")
          .append(writers == 1 ? "" : ", " + writers + " writer threads").append("\n\n");
      md.append("| library | variant | bytes per series | MB per 10,000 series | ratio to best peer |"
          + " series measured |\n");
      md.append("|---|---|---:|---:|---:|---:|\n");
      for (MemoryResult line : lines) {
        Library library = Library.of(line.library());
        String variant = library == Library.STRIA ? "**" + line.library() + "**" : line.library();
        double ratio = bestPeer.isPresent() ? line.bytesPerSeries() / bestPeer.getAsDouble()
            : Double.NaN;
        md.append("| ").append(library.displayName())
            .append(" | ").append(variant)
            .append(" | ").append(String.format(Locale.ROOT, "%,.0f", line.bytesPerSeries()))
            .append(" | ").append(String.format(Locale.ROOT, "%.2f",
                line.bytesPerSeries() * 10_000 / 1_000_000))
            .append(" | ").append(formatRatio(ratio))
            .append(" | ").append(String.format(Locale.ROOT, "%,d", line.series()))
            .append(" |\n");
      }
      md.append('\n');
    }
  }

  /** The distinct JMH settings of the runs that produced the results. */
  private static Set<String> runSettings(List<BenchmarkResult> results) {
    Set<String> settings = new LinkedHashSet<>();
    for (BenchmarkResult result : results) {
      BenchmarkResult.Run run = result.run();
      settings.add(String.format(Locale.ROOT,
          "%s, %d fork(s), %d warmup iteration(s) of %s, %d measurement iteration(s) of %s",
          run.jmhVersion(), run.forks(), run.warmupIterations(), run.warmupTime(),
          run.measurementIterations(), run.measurementTime()));
    }
    return settings;
  }

  static String formatScore(double score) {
    if (Double.isNaN(score)) {
      return "—";
    }
    return score < 100
        ? String.format(Locale.ROOT, "%.2f", score)
        : String.format(Locale.ROOT, "%,.0f", score);
  }

  static String formatRatio(double ratio) {
    return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String formatBytes(double bytes) {
    return Double.isNaN(bytes) ? "—" : String.format(Locale.ROOT, "%.1f", bytes);
  }

  private static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
