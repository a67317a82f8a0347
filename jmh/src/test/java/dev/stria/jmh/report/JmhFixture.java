package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes small JMH-shaped JSON result files (the fields the report reads, as JMH 1.37 writes them). */
final class JmhFixture {
  private final List<String> lines = new ArrayList<>();
  private String allocationMetricName = "gc.alloc.rate.norm";
  private String unit = "ns/op";

  JmhFixture inUnit(String scoreUnit) {
    unit = scoreUnit;
    return this;
  }

  JmhFixture withOldAllocationMetricName() {
    allocationMetricName = "\u00b7gc.alloc.rate.norm";
    return this;
  }

  JmhFixture add(String benchmark, int threads, double score, double error, double allocated) {
    return add(benchmark, threads, Map.of(), score, error, allocated);
  }

  JmhFixture add(String benchmark, int threads, Map<String, String> params, double score,
      double error, double allocated) {
    StringBuilder paramsJson = new StringBuilder();
    params.forEach((name, value) -> paramsJson.append(paramsJson.length() == 0 ? "" : ", ")
        .append('"').append(name).append("\": \"").append(value).append('"'));
    lines.add(String.format(Locale.ROOT, """
        {
          "jmhVersion" : "1.37",
          "benchmark" : "dev.stria.jmh.%s",
          "mode" : "avgt",
          "threads" : %d,
          "forks" : 1,
          "jvm" : "/usr/bin/java",
          "jvmArgs" : [ ],
          "jdkVersion" : "17.0.15",
          "vmName" : "OpenJDK 64-Bit Server VM",
          "vmVersion" : "17.0.15+6",
          "warmupIterations" : 1,
          "warmupTime" : "1 s",
          "warmupBatchSize" : 1,
          "measurementIterations" : 1,
          "measurementTime" : "1 s",
          "measurementBatchSize" : 1,
          %s
          "primaryMetric" : {
            "score" : %s,
            "scoreError" : %s,
            "scoreConfidence" : [ "NaN", "NaN" ],
            "scoreUnit" : "%s",
            "rawData" : [ [ %s ] ]
          },
          "secondaryMetrics" : {
            "gc.alloc.rate" : { "score" : 12.5, "scoreError" : "NaN", "scoreUnit" : "MB/sec" },
            "%s" : { "score" : %s, "scoreError" : "NaN", "scoreUnit" : "B/op" }
          }
        }""",
        benchmark, threads,
        params.isEmpty() ? "" : "\"params\" : { " + paramsJson + " },",
        score, Double.isNaN(error) ? "\"NaN\"" : Double.toString(error), unit, score,
        allocationMetricName, allocated));
    return this;
  }

  String json() {
    return "[\n" + String.join(",\n", lines) + "\n]\n";
  }

  static String memoryJson(Map<String, Double> histogramBytesPerSeries) {
    StringBuilder json = new StringBuilder("{\"series\": 10000, \"trials\": 5, \"results\": [");
    histogramBytesPerSeries.forEach((library, bytes) -> json
        .append(json.charAt(json.length() - 1) == '[' ? "" : ", ")
        .append("{\"library\": \"").append(library)
        .append("\", \"kind\": \"histogram\", \"series\": 10000, \"bytesPerSeries\": ")
        .append(bytes).append(", \"trials\": [").append(bytes).append("]}"));
    return json.append("]}").toString();
  }

  /** A memory file from lines {@code "kind writers library bytes"}, e.g. {@code "counter 4 stria 80"}. */
  static String memoryLines(String... lines) {
    StringBuilder json = new StringBuilder("{\"series\": 10000, \"trials\": 5, \"results\": [");
    for (int i = 0; i < lines.length; i++) {
      String[] fields = lines[i].split(" ");
      json.append(i == 0 ? "" : ", ")
          .append("{\"library\": \"").append(fields[2])
          .append("\", \"kind\": \"").append(fields[0])
          .append("\", \"writers\": ").append(fields[1])
          .append(", \"series\": 10000, \"bytesPerSeries\": ").append(fields[3])
          .append(", \"trials\": [").append(fields[3]).append("]}");
    }
    return json.append("]}").toString();
  }
}
