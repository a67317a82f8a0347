package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The lines that are compared with each other: one benchmark class at one parameter combination
 * and one thread count. Lines are sorted fastest first.
 */
record BenchmarkCase(String benchmarkClass, String group, Map<String, String> params, int threads,
    List<BenchmarkResult> lines) {

  /** Human titles of the known benchmark classes; others get their split class name. */
  private static final Map<String, String> TITLES = new LinkedHashMap<>();

  static {
    TITLES.put("CounterBenchmark", "Counter increment, one series");
    TITLES.put("PerThreadSeriesCounterBenchmark", "Counter increment, a series per thread");
    TITLES.put("GaugeBenchmark", "Gauge set");
    TITLES.put("HistogramBenchmark", "Explicit histogram observe, one series");
    TITLES.put(
        "PerThreadSeriesHistogramBenchmark", "Explicit histogram observe, a series per thread");
    TITLES.put("ExponentialHistogramBenchmark", "Exponential histogram observe, one series");
    TITLES.put("TimerBenchmark", "Timer around an empty block");
    TITLES.put("LabelLookupBenchmark", "Bound series vs label lookup, counter");
    TITLES.put("CounterCellBenchmark", "Striped counter cell (histogram-core)");
    TITLES.put("ExplicitCellBenchmark", "Explicit histogram cell, 11 bounds (histogram-core)");
    TITLES.put("ExponentialCellBenchmark", "Exponential histogram cell (histogram-core)");
    TITLES.put("ScrapeBenchmark", "Prometheus scrape of 10,000 histogram series");
    TITLES.put("OtlpEncodeBenchmark", "OTLP of 10,000 points");
    TITLES.put("ApiRecordingBenchmark", "Stria API over bare cells");
    TITLES.put("JvmMetricsBenchmark", "One collection of every JVM and process metric");
    TITLES.put("BridgeBenchmark", "OpenTelemetry API, prebuilt attributes, existing series");
    TITLES.put("VirtualThreadBenchmark",
        "100,000 tasks on virtual threads (observe + increment each), reader every 100 ms, per batch");
  }

  /**
   * Classes whose methods measure different things: a method whose name contains the key goes
   * into the named group, the others into the default group, and groups are compared apart.
   */
  private static final Map<String, Map<String, String>> GROUPS = Map.of(
      "OtlpEncodeBenchmark", Map.of("ExportToLoopback", "export to a loopback receiver"),
      "BridgeBenchmark", Map.of("Histogram", "histogram.record(v, attributes)"));
  private static final Map<String, String> DEFAULT_GROUPS = Map.of(
      "OtlpEncodeBenchmark", "encode",
      "BridgeBenchmark", "counter.add(1, attributes)");

  private static String groupOf(BenchmarkResult result) {
    String simpleName = result.classSimpleName();
    for (Map.Entry<String, String> group : GROUPS.getOrDefault(simpleName, Map.of()).entrySet()) {
      if (result.method().contains(group.getKey())) {
        return group.getValue();
      }
    }
    return DEFAULT_GROUPS.getOrDefault(simpleName, "");
  }

  /** Groups results into cases: known classes first in a fixed order, then by name. */
  static List<BenchmarkCase> group(List<BenchmarkResult> results) {
    Map<String, List<BenchmarkResult>> byKey = new LinkedHashMap<>();
    for (BenchmarkResult result : results) {
      String key = result.benchmarkClass() + "|" + groupOf(result) + "|" + result.params() + "|"
          + result.threads();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
    }
    List<BenchmarkCase> cases = new ArrayList<>();
    for (List<BenchmarkResult> lines : byKey.values()) {
      lines.sort(Comparator.comparingDouble(BenchmarkResult::score));
      BenchmarkResult first = lines.get(0);
      cases.add(new BenchmarkCase(
          first.benchmarkClass(), groupOf(first), first.params(), first.threads(), lines));
    }
    List<String> order = new ArrayList<>(TITLES.keySet());
    cases.sort(
        Comparator.comparingInt((BenchmarkCase c) -> rank(order, c.classSimpleName()))
            .thenComparing(BenchmarkCase::classSimpleName)
            .thenComparing(BenchmarkCase::group)
            .thenComparing(BenchmarkCase::paramsSortKey)
            .thenComparingInt(BenchmarkCase::threads));
    return cases;
  }

  private static int rank(List<String> order, String simpleName) {
    int index = order.indexOf(simpleName);
    return index < 0 ? order.size() : index;
  }

  /** Parameters in a key that sorts numbers by value: cardinality 1 before 128. */
  private String paramsSortKey() {
    StringBuilder key = new StringBuilder();
    params.forEach((name, value) -> {
      key.append(name).append('=');
      key.append(value.matches("\\d{1,12}") ? "0".repeat(12 - value.length()) + value : value);
      key.append(';');
    });
    return key.toString();
  }

  String classSimpleName() {
    return benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
  }

  /** E.g. "Counter increment, one series (cardinality=128, 2 threads)". */
  String title() {
    String base = TITLES.getOrDefault(classSimpleName(), splitCamelCase(classSimpleName()))
        + (group.isEmpty() ? "" : ", " + group);
    List<String> details = new ArrayList<>();
    params.forEach((name, value) -> details.add(name + "=" + value));
    details.add(threads == 1 ? "1 thread" : threads + " threads");
    return base + " (" + String.join(", ", details) + ")";
  }

  /** The lowest score among the peers (not Stria, not a floor), if any peer ran. */
  OptionalDouble bestPeerScore() {
    return lines.stream()
        .filter(line -> Library.of(line.method()).isPeer())
        .mapToDouble(BenchmarkResult::score)
        .min();
  }

  /** A line's score over the best peer's, NaN when no peer ran. */
  double ratioToBestPeer(BenchmarkResult line) {
    OptionalDouble best = bestPeerScore();
    return best.isPresent() ? line.score() / best.getAsDouble() : Double.NaN;
  }

  /** The best score of each library in this case, fastest line per library. */
  Map<Library, Double> bestByLibrary() {
    return lines.stream()
        .collect(
            Collectors.toMap(
                line -> Library.of(line.method()),
                BenchmarkResult::score,
                Math::min,
                LinkedHashMap::new));
  }

  private static String splitCamelCase(String simpleName) {
    String name = simpleName.endsWith("Benchmark")
        ? simpleName.substring(0, simpleName.length() - "Benchmark".length())
        : simpleName;
    return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
  }
}
