package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The targets, checked against one run. A target whose lines did not run is reported as
 * not measured rather than met.
 */
final class Targets {
  /** Classes whose Stria methods are record paths that must not allocate. */
  private static final Set<String> RECORDING_CLASSES =
      Set.of(
          "CounterBenchmark",
          "PerThreadSeriesCounterBenchmark",
          "GaugeBenchmark",
          "HistogramBenchmark",
          "PerThreadSeriesHistogramBenchmark",
          "ExponentialHistogramBenchmark",
          "TimerBenchmark",
          "LabelLookupBenchmark",
          "CounterCellBenchmark",
          "ExplicitCellBenchmark",
          "ExponentialCellBenchmark");

  /** The exponential cell's targets are judged at its default recording scale. */
  private static final Map<String, String> DEFAULT_SCALE = Map.of("scale", "5");

  /** Above this, {@code gc.alloc.rate.norm} is an allocation rather than harness noise. */
  static final double ALLOCATION_NOISE_BYTES = 1.0;

  /** One checked target: what was measured against what limit. */
  record Verdict(String target, String measured, String limit, Optional<Boolean> met) {}

  private Targets() {}

  static List<Verdict> evaluate(List<BenchmarkCase> cases, List<MemoryResult> memory) {
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(ratioToBestPeer(cases, "HistogramBenchmark", 1, 0.5,
        "Explicit histogram, 1 thread: Stria / best peer"));
    verdicts.add(ratioToBestPeer(cases, "ExponentialHistogramBenchmark", 1, 0.5,
        "Exponential histogram, 1 thread: Stria / best peer"));
    verdicts.add(ratioToBestPeer(cases, "HistogramBenchmark", 2, 0.33,
        "Explicit histogram, 2 threads on one series: Stria / best peer"));
    verdicts.add(ratioToBestPeer(cases, "ExponentialHistogramBenchmark", 2, 0.33,
        "Exponential histogram, 2 threads on one series: Stria / best peer"));
    verdicts.add(ratio(
        "Counter, 1 thread: Stria / LongAdder.increment()",
        best(cases, "CounterBenchmark", 1, Library.STRIA, null),
        best(cases, "CounterBenchmark", 1, Library.FLOOR, "floorLongAdder"),
        1.1));
    verdicts.add(ratio(
        "Timer in try-with-resources / explicit observe (Stria, 1 thread)",
        best(cases, "TimerBenchmark", 1, Library.STRIA, null),
        best(cases, "HistogramBenchmark", 1, Library.STRIA, null),
        1.5));
    verdicts.addAll(cellTargets(cases));
    verdicts.add(allocation(cases));
    verdicts.add(memory(memory, "striaExplicit", "prometheusClassicOnly",
        "Memory per explicit histogram series: Stria / client_java classic-only"));
    verdicts.add(memory(memory, "striaExponential", "prometheusNativeOnly",
        "Memory per exponential histogram series: Stria / client_java native-only"));
    return verdicts;
  }

  /** The recording cells of histogram-core against the JDK floors and against themselves. */
  private static List<Verdict> cellTargets(List<BenchmarkCase> cases) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      verdicts.add(ratio(
          "Counter cell, " + threadsText(threads) + ": add / LongAdder.increment()",
          line(cases, "CounterCellBenchmark", Map.of(), threads, "striaCounterAdd"),
          line(cases, "CounterCellBenchmark", Map.of(), threads, "longAdderIncrement"),
          1.1));
    }
    verdicts.add(ratio(
        "Explicit cell (11 bounds), 1 thread: record / one uncontended getAndAdd",
        line(cases, "ExplicitCellBenchmark", Map.of(), 1, "striaExplicitRecord"),
        line(cases, "ExplicitCellBenchmark", Map.of(), 1, "atomicGetAndAddPerThread"),
        2.5));
    verdicts.add(ratio(
        "Explicit cell, 2 threads on one cell: record / its own 1-thread record",
        line(cases, "ExplicitCellBenchmark", Map.of(), 2, "striaExplicitRecord"),
        line(cases, "ExplicitCellBenchmark", Map.of(), 1, "striaExplicitRecord"),
        1.3));
    verdicts.add(ratio(
        "Exponential cell (scale 5), 1 thread: record / one uncontended getAndAdd",
        line(cases, "ExponentialCellBenchmark", DEFAULT_SCALE, 1, "striaExponentialRecord"),
        line(cases, "ExponentialCellBenchmark", Map.of(), 1, "atomicGetAndAddPerThread"),
        3.0));
    return verdicts;
  }

  private static String threadsText(int threads) {
    return threads == 1 ? "1 thread" : threads + " threads";
  }

  /** One method's score in the case of {@code simpleName} whose params include {@code params}. */
  private static Optional<Double> line(List<BenchmarkCase> cases, String simpleName,
      Map<String, String> params, int threads, String method) {
    return cases.stream()
        .filter(c -> c.classSimpleName().equals(simpleName) && c.threads() == threads)
        .filter(c -> c.params().entrySet().containsAll(params.entrySet()))
        .flatMap(c -> c.lines().stream())
        .filter(line -> line.method().equals(method))
        .map(BenchmarkResult::score)
        .min(Double::compare);
  }

  private static Verdict ratioToBestPeer(
      List<BenchmarkCase> cases, String simpleName, int threads, double limit, String target) {
    Optional<Double> peer = Optional.empty();
    for (BenchmarkCase c : cases) {
      if (c.classSimpleName().equals(simpleName) && c.threads() == threads
          && c.bestPeerScore().isPresent()) {
        peer = Optional.of(c.bestPeerScore().getAsDouble());
      }
    }
    return ratio(target, best(cases, simpleName, threads, Library.STRIA, null), peer, limit);
  }

  private static Optional<Double> best(
      List<BenchmarkCase> cases, String simpleName, int threads, Library library, String method) {
    return cases.stream()
        .filter(c -> c.classSimpleName().equals(simpleName) && c.threads() == threads)
        .flatMap(c -> c.lines().stream())
        .filter(line -> Library.of(line.method()) == library)
        .filter(line -> method == null || line.method().equals(method))
        .map(BenchmarkResult::score)
        .min(Double::compare);
  }

  private static Verdict ratio(
      String target, Optional<Double> numerator, Optional<Double> denominator, double limit) {
    String limitText = "<= " + MarkdownReport.formatRatio(limit);
    if (numerator.isEmpty() || denominator.isEmpty()) {
      return new Verdict(target, "not measured", limitText, Optional.empty());
    }
    double value = numerator.get() / denominator.get();
    return new Verdict(target, MarkdownReport.formatRatio(value), limitText,
        Optional.of(value <= limit));
  }

  private static Verdict allocation(List<BenchmarkCase> cases) {
    String target = "Allocation on every Stria record path (bound series)";
    String limit = "< " + ALLOCATION_NOISE_BYTES + " B/op";
    double worst = Double.NaN;
    String worstName = "";
    for (BenchmarkCase c : cases) {
      if (!RECORDING_CLASSES.contains(c.classSimpleName())) {
        continue;
      }
      for (BenchmarkResult line : c.lines()) {
        if (Library.of(line.method()) == Library.STRIA && !line.method().contains("Lookup")
            && !Double.isNaN(line.allocatedBytesPerOp())
            && (Double.isNaN(worst) || line.allocatedBytesPerOp() > worst)) {
          worst = line.allocatedBytesPerOp();
          worstName = c.classSimpleName() + "." + line.method();
        }
      }
    }
    if (Double.isNaN(worst)) {
      return new Verdict(target, "not measured", limit, Optional.empty());
    }
    return new Verdict(target,
        "at most " + MarkdownReport.formatBytes(worst) + " B/op (" + worstName + ")", limit,
        Optional.of(worst < ALLOCATION_NOISE_BYTES));
  }

  private static Verdict memory(
      List<MemoryResult> memory, String stria, String peer, String target) {
    Optional<Double> striaBytes = memoryOf(memory, stria);
    Optional<Double> peerBytes = memoryOf(memory, peer);
    return ratio(target, striaBytes, peerBytes, 1.0);
  }

  private static Optional<Double> memoryOf(List<MemoryResult> memory, String library) {
    return memory.stream()
        .filter(m -> m.kind().equals("histogram") && m.library().equals(library))
        .map(MemoryResult::bytesPerSeries)
        .findFirst();
  }
}
