package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of a JMH JSON result file: a benchmark method with its parameters and thread count,
 * its score and error, and its normalised allocation ({@code gc.alloc.rate.norm}, NaN when JMH ran
 * without {@code -prof gc}).
 */
record BenchmarkResult(
    String benchmarkClass,
    String method,
    Map<String, String> params,
    int threads,
    double score,
    double error,
    String unit,
    double allocatedBytesPerOp,
    Run run) {

  /** What a result says about how it was run: the same for every line of one JMH run. */
  record Run(
      String jmhVersion,
      String jdkVersion,
      String vmName,
      String vmVersion,
      int forks,
      int warmupIterations,
      String warmupTime,
      int measurementIterations,
      String measurementTime) {}

  /** The simple name of the benchmark class, e.g. {@code HistogramBenchmark}. */
  String classSimpleName() {
    return benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
  }

  /** Every result in a JMH JSON file ({@code -rf json}). */
  static List<BenchmarkResult> parseJmh(String json) {
    List<BenchmarkResult> results = new ArrayList<>();
    for (Object element : Json.array(Json.parse(json))) {
      Map<String, Object> line = Json.object(element);
      String benchmark = (String) line.get("benchmark");
      int lastDot = benchmark.lastIndexOf('.');
      Map<String, String> params = new TreeMap<>();
      Json.object(line.get("params")).forEach((name, value) -> params.put(name, String.valueOf(value)));
      Map<String, Object> primary = Json.object(line.get("primaryMetric"));
      String unit = String.valueOf(primary.get("scoreUnit"));
      double toNanos = nanosPerUnit(unit);
      double allocated = Double.NaN;
      for (Map.Entry<String, Object> secondary :
          Json.object(line.get("secondaryMetrics")).entrySet()) {
        // JMH before 1.36 prefixed secondary metrics with a middle dot.
        if (secondary.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
          allocated = Json.number(Json.object(secondary.getValue()).get("score"));
        }
      }
      Run run =
          new Run(
              String.valueOf(line.get("jmhVersion")),
              String.valueOf(line.get("jdkVersion")),
              String.valueOf(line.get("vmName")),
              String.valueOf(line.get("vmVersion")),
              (int) Json.number(line.get("forks")),
              (int) Json.number(line.get("warmupIterations")),
              String.valueOf(line.get("warmupTime")),
              (int) Json.number(line.get("measurementIterations")),
              String.valueOf(line.get("measurementTime")));
      results.add(
          new BenchmarkResult(
              benchmark.substring(0, lastDot),
              benchmark.substring(lastDot + 1),
              params,
              (int) Json.number(line.get("threads")),
              Json.number(primary.get("score")) * toNanos,
              Json.number(primary.get("scoreError")) * toNanos,
              toNanos == 1.0 ? unit : "ns/op",
              allocated,
              run));
    }
    return results;
  }

  /**
   * Every average-time score is reported in ns/op whatever unit its class chose ({@code
   * OutputTimeUnit}), so that cases and the chart share one scale. Other units are kept as they are.
   */
  private static double nanosPerUnit(String unit) {
    switch (unit) {
      case "s/op":
        return 1e9;
      case "ms/op":
        return 1e6;
      case "us/op":
        return 1e3;
      default:
        return 1.0;
    }
  }
}
