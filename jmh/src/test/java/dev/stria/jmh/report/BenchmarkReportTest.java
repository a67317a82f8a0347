package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {
  @TempDir Path directory;

  private JmhFixture histogramRun() {
    return new JmhFixture()
        .add("HistogramBenchmark.stria", 1, 10.0, 0.5, 0.0)
        .add("HistogramBenchmark.prometheusClassicOnly", 1, 40.0, 2.0, 0.02)
        .add("HistogramBenchmark.otelExplicit", 1, 80.0, Double.NaN, 48.0)
        .add("HistogramBenchmark.stria", 2, 30.0, 1.0, 0.0)
        .add("HistogramBenchmark.prometheusClassicOnly", 2, 60.0, 3.0, 0.0)
        .add("CounterBenchmark.floorLongAdder", 1, 5.0, 0.1, 0.0)
        .add("CounterBenchmark.stria", 1, 6.0, 0.1, 0.0)
        .add("CounterBenchmark.dropwizard", 1, 7.5, 0.1, 0.0);
  }

  private String report(JmhFixture fixture, Map<String, Double> memory) throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, fixture.json(), StandardCharsets.UTF_8);
    Path memoryFile = null;
    if (!memory.isEmpty()) {
      memoryFile = directory.resolve("memory.json");
      Files.writeString(memoryFile, JmhFixture.memoryJson(memory), StandardCharsets.UTF_8);
    }
    Path out = directory.resolve("docs");
    BenchmarkReport.write(List.of(jmh), memoryFile, "Quick smoke run", out, null);
    return Files.readString(out.resolve(BenchmarkReport.MARKDOWN_FILE), StandardCharsets.UTF_8);
  }

  @Test
  void dateIsWhenTheRunWroteItsLastResultNotWhenTheReportIsBuilt() throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, histogramRun().json(), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(jmh, FileTime.from(Instant.parse("2026-01-02T03:04:00Z")));
    Path memoryFile = directory.resolve("memory.json");
    Files.writeString(memoryFile, JmhFixture.memoryJson(Map.of()), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(memoryFile, FileTime.from(Instant.parse("2026-01-02T03:41:59Z")));
    Path out = directory.resolve("docs");

    BenchmarkReport.write(List.of(jmh), memoryFile, "Full run", out, null);

    assertThat(Files.readString(out.resolve(BenchmarkReport.MARKDOWN_FILE), StandardCharsets.UTF_8))
        .contains("- Date: 2026-01-02 03:41 UTC");
  }

  @Test
  void tableShowsScoreErrorAndAllocationOfEveryLine() throws IOException {
    String markdown = report(histogramRun(), Map.of());

    assertThat(markdown)
        .contains("| Prometheus client_java | prometheusClassicOnly | 40.00 | 2.00 | 1.00 | 0.0 |")
        .contains("| OpenTelemetry SDK | otelExplicit | 80.00 | — | 2.00 | 48.0 |");
  }

  @Test
  void ratioIsToTheFastestPeerNeitherToStriaNorToAFloor() throws IOException {
    String markdown = report(histogramRun(), Map.of());

    assertThat(markdown)
        .contains("| Stria | **stria** | 10.00 | 0.50 | 0.25 | 0.0 |")
        .contains("| JDK floor | floorLongAdder | 5.00 | 0.10 | 0.67 | 0.0 |")
        .contains("| Dropwizard Metrics | dropwizard | 7.50 | 0.10 | 1.00 | 0.0 |");
  }

  @Test
  void eachThreadCountIsItsOwnCase() throws IOException {
    String markdown = report(histogramRun(), Map.of());

    assertThat(markdown)
        .contains("### Explicit histogram observe, one series (1 thread)")
        .contains("### Explicit histogram observe, one series (2 threads)")
        .contains("| Stria | **stria** | 30.00 | 1.00 | 0.50 | 0.0 |");
  }

  @Test
  void parametersAreNamedInTheCaseTitleAndSortedByValue() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("LabelLookupBenchmark.prometheusBound", 1, Map.of("cardinality", "128"), 9, 1, 0)
        .add("LabelLookupBenchmark.prometheusBound", 1, Map.of("cardinality", "1"), 8, 1, 0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown.indexOf("(cardinality=1, 1 thread)"))
        .isPositive()
        .isLessThan(markdown.indexOf("(cardinality=128, 1 thread)"));
  }

  @Test
  void targetsTableSaysWhichTargetsAreMetAndWhichAreMissed() throws IOException {
    String markdown = report(histogramRun(), Map.of());

    assertThat(markdown)
        .contains("| Explicit histogram, 1 thread: Stria / best peer | 0.25 | <= 0.50 | yes |")
        .contains("| Explicit histogram, 2 threads on one series: Stria / best peer | 0.50 "
            + "| <= 0.33 | **no** |")
        .contains("| Counter increment, 1 thread: Stria / LongAdder.increment() | 1.20 | <= 1.10 "
            + "| **no** |")
        .contains("| Timer in try-with-resources minus its two clock reads / explicit observe "
            + "(Stria, 1 thread) | not measured | <= 1.50 | — |");
  }

  @Test
  void timerCheckSubtractsTheClockReadsEveryTimerNeeds() throws IOException {
    // 52 ns of timer of which 42 are the two nanoTime() reads: 10 ns over an observe of 10 ns
    JmhFixture fixture = histogramRun()
        .add("TimerBenchmark.stria", 1, 52.0, 1.0, 0.0)
        .add("TimerBenchmark.floorNanoTimeTwice", 1, 42.0, 1.0, 0.0)
        .add("TimerBenchmark.hdrRecorder", 1, 60.0, 1.0, 0.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown).contains("| Timer in try-with-resources minus its two clock reads / "
        + "explicit observe (Stria, 1 thread) | 1.00 | <= 1.50 | yes |");
  }

  @Test
  void timerCheckIsNotMeasuredWithoutTheClockReadFloor() throws IOException {
    JmhFixture fixture = histogramRun().add("TimerBenchmark.stria", 1, 12.0, 1.0, 0.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown).contains("| Timer in try-with-resources minus its two clock reads / "
        + "explicit observe (Stria, 1 thread) | not measured | <= 1.50 | — |");
  }

  @Test
  void cellTargetsCompareWithTheFloorsAndTheTwoThreadCellWithItsOwnOneThreadCost()
      throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("CounterCellBenchmark.striaCounterAdd", 1, 4.0, 0.1, 0.0)
        .add("CounterCellBenchmark.longAdderIncrement", 1, 16.0, 0.1, 0.0)
        .add("CounterCellBenchmark.striaCounterAdd", 2, 9.0, 0.1, 0.0)
        .add("CounterCellBenchmark.longAdderIncrement", 2, 6.0, 0.1, 0.0)
        .add("ExplicitCellBenchmark.striaExplicitRecord", 1, 12.0, 0.5, 0.0)
        .add("ExplicitCellBenchmark.atomicGetAndAddPerThread", 1, 8.0, 0.5, 0.0)
        .add("ExplicitCellBenchmark.striaExplicitRecord", 2, 18.0, 0.5, 0.0)
        .add("ExponentialCellBenchmark.striaExponentialRecord", 1, Map.of("scale", "0"),
            10.0, 0.5, 0.0)
        .add("ExponentialCellBenchmark.striaExponentialRecord", 1, Map.of("scale", "5"),
            20.0, 0.5, 0.0)
        .add("ExponentialCellBenchmark.atomicGetAndAddPerThread", 1, Map.of("scale", "5"),
            8.0, 0.5, 0.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown)
        .contains("| Counter cell, 1 thread: add / LongAdder.increment() | 0.25 | <= 1.10 | yes |")
        .contains("| Counter cell, 2 threads: add / LongAdder.increment() | 1.50 | <= 1.10 "
            + "| **no** |")
        .contains("| Explicit cell (11 bounds), 1 thread: record / one uncontended getAndAdd "
            + "| 1.50 | <= 2.50 | yes |")
        .contains("| Explicit cell, 2 threads on one cell: record / its own 1-thread record "
            + "| 1.50 | <= 1.30 | **no** |")
        // judged at the default scale 5 (20 / 8), not at the fastest scale (10 / 8)
        .contains("| Exponential cell (scale 5), 1 thread: record / one uncontended getAndAdd "
            + "| 2.50 | <= 3.00 | yes |");
  }

  @Test
  void allocationTargetNamesTheWorstStriaLine() throws IOException {
    JmhFixture fixture = histogramRun().add("TimerBenchmark.stria", 1, 40.0, 1.0, 24.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown).contains(
        "| Allocation on every Stria record path (bound series and lookup) | at most 24.0 B/op "
            + "(TimerBenchmark.stria) | < 1.0 B/op | **no** |");
  }

  @Test
  void memoryTableShowsBytesPerSeriesAndRatioToTheSmallestPeer() throws IOException {
    Map<String, Double> memory = new LinkedHashMap<>();
    memory.put("prometheusClassicOnly", 1200.0);
    memory.put("otelExplicit", 300.0);
    memory.put("striaExplicit", 150.0);

    String markdown = report(histogramRun(), memory);

    assertThat(markdown)
        .contains("## Memory per series")
        .contains("| Stria | **striaExplicit** | 150 | 1.50 | 0.50 | 10,000 |")
        .contains("| Prometheus client_java | prometheusClassicOnly | 1,200 | 12.00 | 4.00 | 10,000 |")
        .contains("| Memory per explicit histogram series, 1 writer: Stria / client_java "
            + "classic-only | 0.13 | <= 0.80 | yes |");
  }

  @Test
  void reportNamesTheNoteMachineJdkAndJmhSettings() throws IOException {
    String markdown = report(histogramRun(), Map.of());

    assertThat(markdown)
        .contains("> Quick smoke run")
        .contains("- Machine: " + Runtime.getRuntime().availableProcessors() + " cores")
        .contains("- JDK: OpenJDK 64-Bit Server VM 17.0.15+6")
        .contains("- JMH: 1.37, 1 fork(s), 1 warmup iteration(s) of 1 s")
        .containsPattern("- Date: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
  }

  @Test
  void readsTheAllocationMetricUnderItsOlderMiddleDotName() throws IOException {
    JmhFixture fixture = new JmhFixture().withOldAllocationMetricName()
        .add("GaugeBenchmark.prometheus", 1, 20.0, 1.0, 16.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown).contains("| prometheus | 20.00 | 1.00 | 1.00 | 16.0 |");
  }

  @Test
  void chartIsWrittenAsAPngImage() throws IOException {
    report(histogramRun(), Map.of());

    byte[] png = Files.readAllBytes(directory.resolve("docs").resolve(BenchmarkReport.CHART_FILE));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(png.length).isGreaterThan(1000);
  }

  @Test
  void readmeSectionBetweenTheMarkersIsReplacedByTheRunSummary() throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, histogramRun().json(), StandardCharsets.UTF_8);
    Path readme = directory.resolve("README.md");
    Files.writeString(readme, "# Title\n\n## Benchmarks\n\n" + BenchmarkReport.README_BEGIN
        + "\nold numbers\n" + BenchmarkReport.README_END + "\n\n## After\n");

    BenchmarkReport.write(List.of(jmh), null, "Quick smoke run", directory.resolve("docs"), readme);

    String text = Files.readString(readme, StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("old numbers")
        .contains("![Best ns/op of each library per case](docs/benchmarks.png)")
        .contains("| Explicit histogram observe, one series (1 thread) | 10.00 | "
            + "prometheusClassicOnly | 40.00 | 0.25 | 0.0 |")
        .endsWith(BenchmarkReport.README_END + "\n\n## After\n");
  }

  @Test
  void readmeWithoutMarkersIsRejectedNamingTheMarkers() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BenchmarkReport.replaceSection("# no section\n", "summary"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BenchmarkReport.README_BEGIN);
  }

  @Test
  void readmeSummaryLeavesOutCasesWhereNoPeerRan() throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, histogramRun()
        .add("BucketIndexBenchmark.linearScan", 1, 3.0, 0.1, 0.0)
        .add("BucketIndexBenchmark.striaBucketBounds", 1, 2.0, 0.1, 0.0).json());
    Path readme = directory.resolve("README.md");
    Files.writeString(readme, BenchmarkReport.README_BEGIN + "\n" + BenchmarkReport.README_END);

    BenchmarkReport.write(List.of(jmh), null, "", directory.resolve("docs"), readme);

    assertThat(Files.readString(readme)).doesNotContain("Bucket Index");
    assertThat(Files.readString(directory.resolve("docs").resolve(BenchmarkReport.MARKDOWN_FILE)))
        .contains("### Bucket Index (1 thread)");
  }

  @Test
  void readmeSummaryShowsTheBridgeLineForTheBridgeNotStriasOwnFasterSeries() throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, new JmhFixture()
        .add("BridgeBenchmark.striaBoundCounter", 1, 3.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBridgeBoundCounter", 1, 4.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBridgeCounter", 1, 6.0, 0.1, 0.0)
        .add("BridgeBenchmark.otelCounter", 1, 15.0, 0.1, 0.0).json());
    Path readme = directory.resolve("README.md");
    Files.writeString(readme, BenchmarkReport.README_BEGIN + "\n" + BenchmarkReport.README_END);

    BenchmarkReport.write(List.of(jmh), null, "", directory.resolve("docs"), readme);

    assertThat(Files.readString(readme))
        .contains("counter.add(1, attributes) (1 thread) | 6.00 | otelCounter | 15.00 | 0.40 |");
  }

  @Test
  void otlpEncodeAndExportAreComparedApart() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("OtlpEncodeBenchmark.striaEncodeProtobuf", 1, 100_000.0, 1.0, 0.0)
        .add("OtlpEncodeBenchmark.otelEncodeLowAllocation", 1, 200_000.0, 1.0, 0.0)
        .add("OtlpEncodeBenchmark.striaExportToLoopback", 1, 900_000.0, 1.0, 0.0)
        .add("OtlpEncodeBenchmark.otelExportToLoopback", 1, 1_800_000.0, 1.0, 0.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown)
        .contains("### OTLP of 10,000 points, encode (1 thread)")
        .contains("### OTLP of 10,000 points, export to a loopback receiver (1 thread)")
        .contains("| Stria | **striaExportToLoopback** | 900,000 | 1.00 | 0.50 | 0.0 |");
  }

  @Test
  void scoresInOtherTimeUnitsAreShownInNanoseconds() throws IOException {
    JmhFixture fixture = new JmhFixture().inUnit("ms/op")
        .add("ScrapeBenchmark.striaScrape", 1, 2.5, 0.5, 1024.0);

    String markdown = report(fixture, Map.of());

    assertThat(markdown).contains("| **striaScrape** | 2,500,000 | 500,000 | — | 1024.0 |");
  }
}
