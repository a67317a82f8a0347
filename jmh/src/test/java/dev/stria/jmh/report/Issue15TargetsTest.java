package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's verdicts on issue 15's targets, from synthetic JMH, memory and check files. */
class Issue15TargetsTest {
  @TempDir Path directory;

  private String report(JmhFixture fixture, String memoryJson, String virtualThreadsJson)
      throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, fixture.json(), StandardCharsets.UTF_8);
    Path memory = null;
    if (memoryJson != null) {
      memory = directory.resolve("memory.json");
      Files.writeString(memory, memoryJson, StandardCharsets.UTF_8);
    }
    Path virtualThreads = null;
    if (virtualThreadsJson != null) {
      virtualThreads = directory.resolve("virtual-threads.json");
      Files.writeString(virtualThreads, virtualThreadsJson, StandardCharsets.UTF_8);
    }
    Path out = directory.resolve("docs");
    BenchmarkReport.write(List.of(jmh), memory, virtualThreads, "", out, "benchmarks", null);
    return Files.readString(out.resolve("benchmarks.md"), StandardCharsets.UTF_8);
  }

  private static String checkJson(boolean available, boolean exact, double single,
      double largest) {
    return "{\"jdk\": \"25\", \"available\": " + available + ", \"tasks\": 100000, "
        + "\"series\": 16, \"collectionsDuringRun\": 48, \"exact\": " + exact
        + ", \"mismatch\": \"" + (exact ? "" : "virtual threads: counter /route/3 = 99999.0")
        + "\", \"singleThreadBytesPerSeries\": " + (available ? single : "null")
        + ", \"virtualThreadBytesPerSeries\": " + (available ? 1500.0 : "null")
        + ", \"maxVirtualThreadBytesPerSeries\": " + (available ? largest : "null") + "}";
  }

  @Test
  void hdrHistogramRecorderCountsAsAPeerOfBothHistograms() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("HistogramBenchmark.stria", 1, 6.0, 0.1, 0.0)
        .add("HistogramBenchmark.prometheusClassicOnly", 1, 20.0, 0.1, 0.0)
        .add("HistogramBenchmark.hdrRecorder", 1, 10.0, 0.1, 0.0)
        .add("ExponentialHistogramBenchmark.stria", 1, 4.0, 0.1, 0.0)
        .add("ExponentialHistogramBenchmark.prometheusNativeOnly", 1, 24.0, 0.1, 0.0)
        .add("ExponentialHistogramBenchmark.hdrRecorder", 1, 10.0, 0.1, 0.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| Explicit histogram, 1 thread: Stria / best peer | 0.60 | <= 0.50 | **no** |")
        .contains("| Exponential histogram, 1 thread: Stria / best peer | 0.40 | <= 0.50 | yes |");
  }

  @Test
  void labelLookupIsJudgedAgainstThePeersLookupIdiomsAtEachCardinality() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("LabelLookupBenchmark.striaLookup", 1, Map.of("cardinality", "1"), 8.0, 0.1, 0.0)
        .add("LabelLookupBenchmark.striaBound", 1, Map.of("cardinality", "1"), 2.0, 0.1, 0.0)
        .add("LabelLookupBenchmark.prometheusLookup", 1, Map.of("cardinality", "1"),
            20.0, 0.1, 0.0)
        .add("LabelLookupBenchmark.otelLookup", 1, Map.of("cardinality", "1"), 30.0, 0.1, 80.0)
        .add("LabelLookupBenchmark.micrometerLookup", 1, Map.of("cardinality", "1"),
            40.0, 0.1, 0.0)
        // a bound peer line and Dropwizard's prebuilt-name lookup are not lookup idioms
        .add("LabelLookupBenchmark.prometheusBound", 1, Map.of("cardinality", "1"),
            3.0, 0.1, 0.0)
        .add("LabelLookupBenchmark.dropwizardLookup", 1, Map.of("cardinality", "1"),
            5.0, 0.1, 0.0)
        .add("LabelLookupBenchmark.striaLookup", 1, Map.of("cardinality", "128"),
            12.0, 0.1, 24.0)
        .add("LabelLookupBenchmark.prometheusLookup", 1, Map.of("cardinality", "128"),
            20.0, 0.1, 0.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| Label lookup on every call, cardinality 1: Stria / best peer's lookup idiom "
            + "| 0.40 | <= 0.50 | yes |")
        .contains("| Label lookup on every call, cardinality 128: Stria / best peer's lookup "
            + "idiom | 0.60 | <= 0.50 | **no** |")
        .contains("| Label lookup of an existing series, cardinality 1: Stria B/op | 0.0 B/op "
            + "| < 1.0 B/op | yes |")
        .contains("| Label lookup of an existing series, cardinality 128: Stria B/op | 24.0 B/op "
            + "| < 1.0 B/op | **no** |")
        .contains("at most 24.0 B/op (LabelLookupBenchmark.striaLookup)");
  }

  @Test
  void counterIsJudgedAgainstLongAdderAtOneAndTwoThreadsAndGaugeAgainstTheBestPeer()
      throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("CounterBenchmark.stria", 1, 2.6, 0.1, 0.0)
        .add("CounterBenchmark.floorLongAdder", 1, 2.5, 0.1, 0.0)
        .add("CounterBenchmark.floorGetAndAddPerThread", 1, 2.4, 0.1, 0.0)
        .add("CounterBenchmark.stria", 2, 4.0, 0.1, 0.0)
        .add("CounterBenchmark.floorLongAdder", 2, 3.0, 0.1, 0.0)
        .add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0)
        .add("GaugeBenchmark.prometheus", 1, 2.0, 0.1, 0.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| Counter increment, 1 thread: Stria / LongAdder.increment() | 1.04 | <= 1.10 "
            + "| yes |")
        .contains("| Counter increment, 2 threads: Stria / LongAdder.increment() | 1.33 "
            + "| <= 1.10 | **no** |")
        .contains("| Gauge set, 1 thread: Stria / best peer | 1.50 | <= 1.00 | **no** |")
        .contains("- Atomic-add floor: uncontended `getAndAdd` 2.40 ns, "
            + "`LongAdder.increment()` 2.50 ns (CounterBenchmark, 1 thread)");
  }

  @Test
  void atomicAddFloorSaysWhenItsBenchmarksDidNotRun() throws IOException {
    String markdown = report(new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0),
        null, null);

    assertThat(markdown).contains("- Atomic-add floor: not measured in this run");
  }

  @Test
  void memoryTargetsAreCheckedForOneAndFourWritersApart() throws IOException {
    String memory = JmhFixture.memoryLines(
        "counter 1 stria 100", "counter 1 prometheus 90",
        "counter 4 stria 400", "counter 4 prometheus 100",
        "histogram 1 striaExplicit 300", "histogram 1 prometheusClassicOnly 500",
        "histogram 1 striaExponential 900", "histogram 1 prometheusNativeOnly 1000",
        "histogram 4 striaExplicit 700", "histogram 4 prometheusClassicOnly 500");

    String markdown = report(new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0),
        memory, null);

    assertThat(markdown)
        .contains("| Memory per counter series, 1 writer: Stria / client_java | 1.11 | <= 1.50 "
            + "| yes |")
        .contains("| Memory per counter series, 4 writers: Stria / client_java | 4.00 | <= 1.50 "
            + "| **no** |")
        .contains("| Memory per explicit histogram series, 1 writer: Stria / client_java "
            + "classic-only | 0.60 | <= 0.80 | yes |")
        .contains("| Memory per explicit histogram series, 4 writers: Stria / client_java "
            + "classic-only | 1.40 | <= 0.80 | **no** |")
        .contains("| Memory per exponential histogram series, 1 writer: Stria / client_java "
            + "native-only | 0.90 | <= 1.00 | yes |")
        .contains("| Memory per exponential histogram series, 4 writers: Stria / client_java "
            + "native-only | not measured | <= 1.00 | — |")
        .contains("### Counter series, 4 writer threads")
        .contains("| Stria | **stria** | 400 | 4.00 | 4.00 | 10,000 |");
  }

  @Test
  void virtualThreadTargetsComeFromTheBenchmarkAndTheCheck() throws IOException {
    JmhFixture fixture = new JmhFixture().inUnit("ms/op")
        .add("VirtualThreadBenchmark.stria", 1, 45.0, 2.0, 0.0)
        .add("VirtualThreadBenchmark.prometheusClassicOnly", 1, 50.0, 2.0, 0.0)
        .add("VirtualThreadBenchmark.hdrRecorder", 1, 38.0, 2.0, 0.0);

    String markdown = report(fixture, null, checkJson(true, true, 1000, 1900));

    assertThat(markdown)
        .contains("Stria time per batch / best peer's (throughput >= every peer's) | 1.18 "
            + "(stria 45.0 ± 2.0 ms; hdrRecorder 38.0 ± 2.0 ms) | <= 1.00 | **no** |")
        .contains("| Virtual threads: every total exact after the run and its collections "
            + "| exact (48 collections during the runs) | exact | yes |")
        .contains("the same pair written by one thread | 1.90 (largest trial 1,900 B, median "
            + "1,500 B / 1,000 B) | < 2.00 | yes |");
  }

  @Test
  void aFasterBatchWhoseErrorBarsStandApartMeetsTheThroughputTarget() throws IOException {
    JmhFixture fixture = new JmhFixture().inUnit("ms/op")
        .add("VirtualThreadBenchmark.stria", 1, 36.0, 0.9, 0.0)
        .add("VirtualThreadBenchmark.hdrRecorder", 1, 38.0, 1.0, 0.0);

    String markdown = report(fixture, null, checkJson(true, true, 1000, 1900));

    assertThat(markdown).contains("(throughput >= every peer's) | 0.95 (stria 36.0 ± 0.9 ms; "
        + "hdrRecorder 38.0 ± 1.0 ms) | <= 1.00 | yes |");
  }

  @Test
  void batchesWhoseErrorBarsOverlapAreNotRankedEitherWay() throws IOException {
    // Both orders: a slower Stria and a faster one, each within the other's error bar.
    for (double stria : new double[] {39.0, 37.0}) {
      JmhFixture fixture = new JmhFixture().inUnit("ms/op")
          .add("VirtualThreadBenchmark.floorNoRecording", 1, 38.5, 3.0, 0.0)
          .add("VirtualThreadBenchmark.stria", 1, stria, 2.0, 0.0)
          .add("VirtualThreadBenchmark.hdrRecorder", 1, 38.0, 2.0, 0.0);

      String markdown = report(fixture, null, checkJson(true, true, 1000, 1900));

      assertThat(markdown).contains(String.format(Locale.ROOT,
          "(throughput >= every peer's) | %.2f (stria %.1f ± 2.0 ms; hdrRecorder 38.0 ± 2.0 ms; "
              + "floorNoRecording 38.5 ± 3.0 ms): error bars overlap, the run cannot rank them "
              + "| <= 1.00 | — |", stria / 38.0, stria));
    }
  }

  @Test
  void theVirtualThreadFloorIsShownButNeverTakenForTheBestPeer() throws IOException {
    JmhFixture fixture = new JmhFixture().inUnit("ms/op")
        .add("VirtualThreadBenchmark.floorNoRecording", 1, 30.0, 2.0, 0.0)
        .add("VirtualThreadBenchmark.stria", 1, 45.0, 2.0, 0.0)
        .add("VirtualThreadBenchmark.hdrRecorder", 1, 38.0, 2.0, 0.0);

    String markdown = report(fixture, null, checkJson(true, true, 1000, 1900));

    assertThat(markdown)
        .contains("| JDK floor | floorNoRecording | 30,000,000 |")
        .contains("Stria time per batch / best peer's (throughput >= every peer's) | 1.18 "
            + "(stria 45.0 ± 2.0 ms; hdrRecorder 38.0 ± 2.0 ms; floorNoRecording 30.0 ± 2.0 ms) "
            + "| <= 1.00 | **no** |");
  }

  @Test
  void wrongTotalsOrTooMuchStripeMemoryAreMissed() throws IOException {
    String markdown = report(new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0),
        null, checkJson(true, false, 1000, 2000));

    assertThat(markdown)
        .contains("| wrong: virtual threads: counter /route/3 = 99999.0 | exact | **no** |")
        .contains("| 2.00 (largest trial 2,000 B, median 1,500 B / 1,000 B) | < 2.00 | **no** |");
  }

  @Test
  void virtualThreadTargetsAreNotMeasuredOnAJdkWithoutThemNorWithoutTheirLines()
      throws IOException {
    String withoutJdk = report(new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0),
        null, checkJson(false, false, 0, 0));
    String withoutFile = report(new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0),
        null, null);

    assertThat(withoutJdk)
        .contains("| Virtual threads: every total exact after the run and its collections | "
            + Targets.NEEDS_VIRTUAL_THREADS + " | exact | — |")
        .contains("best peer's (throughput >= every peer's) | " + Targets.NEEDS_VIRTUAL_THREADS)
        .doesNotContainPattern("Virtual threads[^\\n]*\\| yes \\|");
    assertThat(withoutFile)
        .contains("| Virtual threads: every total exact after the run and its collections "
            + "| not measured | exact | — |")
        .doesNotContainPattern("Virtual threads[^\\n]*\\| yes \\|");
  }

  @Test
  void protobufScrapeIsJudgedOnTimeAndAllocationAndTheTextFormatIsIgnored() throws IOException {
    JmhFixture fixture = new JmhFixture().inUnit("ms/op")
        .add("ScrapeBenchmark.striaScrape", 1, Map.of("format", "protobuf"), 2.0, 0.1, 900_000)
        .add("ScrapeBenchmark.clientJavaScrape", 1, Map.of("format", "protobuf"), 2.5, 0.1,
            600_000)
        .add("ScrapeBenchmark.striaScrape", 1, Map.of("format", "text"), 9.0, 0.1, 1.0)
        .add("ScrapeBenchmark.clientJavaScrape", 1, Map.of("format", "text"), 1.0, 0.1, 1.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| Prometheus protobuf scrape of 10,000 histogram series: Stria / client_java "
            + "| 0.80 | <= 1.00 | yes |")
        .contains("| Prometheus protobuf scrape, allocation per scrape: Stria / client_java "
            + "| 1.50 | <= 1.00 | **no** |");
  }

  @Test
  void bridgeTargetsCompareWithTheSdkAndBoundBridgeWithStriasBoundSeries() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("BridgeBenchmark.striaBridgeCounter", 1, 4.0, 0.1, 0.0)
        .add("BridgeBenchmark.otelCounter", 1, 10.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBridgeHistogram", 1, 8.0, 0.1, 0.0)
        .add("BridgeBenchmark.otelExplicitHistogram", 1, 20.0, 0.1, 0.0)
        .add("BridgeBenchmark.otelExponentialHistogram", 1, 12.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBridgeBoundCounter", 2, 3.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBoundCounter", 2, 2.0, 0.1, 0.0)
        .add("BridgeBenchmark.striaBoundCounterAdd", 2, 2.5, 0.1, 0.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| Bridge counter.add, 1 thread: Stria bridge / SDK | 0.40 | <= 0.50 | yes |")
        .contains("| Bridge histogram.record, 1 thread: Stria bridge / SDK explicit | 0.40 "
            + "| <= 0.50 | yes |")
        .contains("| Bridge histogram.record, 1 thread: Stria bridge / SDK exponential | 0.67 "
            + "| <= 0.50 | **no** |")
        .as("the bound bridge's add(1) is held to Stria's add(1), not to its faster inc()")
        .contains("| Bridge bind(attributes) counter, 2 threads: bound bridge add(1) / Stria "
            + "bound add(1) | 1.20 | <= 1.10 | **no** |")
        .contains("| Bridge counter.add, 2 threads: Stria bridge / SDK | not measured ");
  }

  @Test
  void aRunOnAnotherJdkWritesItsOwnFilesAndLeavesTheReadmeAlone() throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, new JmhFixture().add("GaugeBenchmark.stria", 1, 3.0, 0.1, 0.0).json());
    Path out = directory.resolve("docs");

    BenchmarkReport.main(new String[] {
        "--out", out.toString(), "--name", "benchmarks-java25", jmh.toString()});

    assertThat(out.resolve("benchmarks-java25.md")).exists();
    assertThat(out.resolve("benchmarks-java25.png")).exists();
    assertThat(out.resolve(BenchmarkReport.MARKDOWN_FILE)).doesNotExist();
  }

  @Test
  void eachHistogramRecordPathIsSetAgainstItsFloor() throws IOException {
    JmhFixture fixture = new JmhFixture()
        .add("HistogramBenchmark.stria", 1, 9.0, 0.1, 0.0)
        .add("RecordFloorBenchmark.explicitIndexPlainAdds", 1, 4.5, 0.1, 0.0)
        .add("ExponentialHistogramBenchmark.stria", 1, 15.0, 0.1, 0.0)
        .add("ExponentialHistogramBenchmark.stria", 2, 1.0, 0.1, 0.0) // not the 1-thread line
        .add("RecordFloorBenchmark.exponentialIndexPlainAdds", 1, 5.0, 0.1, 0.0)
        .add("ExponentialCellBenchmark.striaExponentialRecord", 1, Map.of("scale", "0"), 6.0,
            0.1, 0.0) // another scale: not what the floor draws
        .add("ExponentialCellBenchmark.striaExponentialRecord", 1, Map.of("scale", "5"), 12.0,
            0.1, 0.0)
        .add("RecordFloorBenchmark.exponentialCellIndexPlainAdds", 1, 6.0, 0.1, 0.0);

    String markdown = report(fixture, null, null);

    assertThat(markdown)
        .contains("| HistogramBenchmark.stria | 9.00 | explicitIndexPlainAdds | 4.50 | 2.00 |")
        .contains("| ExponentialHistogramBenchmark.stria | 15.00 | exponentialIndexPlainAdds | 5.00 "
            + "| 3.00 |")
        .contains("| ExponentialCellBenchmark.striaExponentialRecord | 12.00 | "
            + "exponentialCellIndexPlainAdds | 6.00 | 2.00 |")
        .contains("| ExplicitCellBenchmark.striaExplicitRecord | — | explicitCellIndexPlainAdds "
            + "| — | not measured |");
  }
}
