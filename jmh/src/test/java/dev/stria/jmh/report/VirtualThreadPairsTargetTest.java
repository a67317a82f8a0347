package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throughput target judged on the rounds of {@code VirtualThreadPairs}. */
class VirtualThreadPairsTargetTest {
  private static final String CHECK = "{\"jdk\": \"25\", \"available\": true, \"tasks\": 100000, "
      + "\"series\": 32, \"collectionsDuringRun\": 48, \"exact\": true, \"mismatch\": \"\", "
      + "\"singleThreadBytesPerSeries\": 1000.0, \"virtualThreadBytesPerSeries\": 1500.0, "
      + "\"maxVirtualThreadBytesPerSeries\": 1900.0}";

  /** JVMs as unlike as the real ones: the same batch took 18.5 ms in one and 46.8 in another. */
  private static final double[] JVM_FACTORS = {1.0, 2.4, 1.1};

  @TempDir Path directory;

  /** JMH lines whose error bars overlap: on them alone the run could not rank Stria. */
  private static JmhFixture overlappingJmhLines() {
    return new JmhFixture().inUnit("ms/op")
        .add("VirtualThreadBenchmark.stria", 1, 33.0, 4.0, 0.0)
        .add("VirtualThreadBenchmark.hdrRecorder", 1, 34.0, 4.0, 0.0);
  }

  private String report(JmhFixture fixture, String pairsJson) throws IOException {
    Path jmh = directory.resolve("jmh.json");
    Files.writeString(jmh, fixture.json(), StandardCharsets.UTF_8);
    Path check = directory.resolve("virtual-threads.json");
    Files.writeString(check, CHECK, StandardCharsets.UTF_8);
    Files.writeString(check.resolveSibling(BenchmarkReport.VIRTUAL_THREAD_PAIRS_FILE), pairsJson,
        StandardCharsets.UTF_8);
    Path out = directory.resolve("docs");
    BenchmarkReport.write(List.of(jmh), null, check, "", out, "benchmarks", null);
    return Files.readString(out.resolve("benchmarks.md"), StandardCharsets.UTF_8);
  }

  /**
   * Rounds of three JVMs, each side's batch its mean in ms times the JVM's factor times a
   * uniform noise of +-{@code noise}, the same draws for every call.
   */
  private static String rounds(Map<String, Double> meanMillis, int roundsPerJvm, double noise) {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder json = new StringBuilder("{\"jdk\": \"25\", \"available\": true, \"tasks\": "
        + "100000, \"jvms\": [");
    for (int jvm = 0; jvm < JVM_FACTORS.length; jvm++) {
      json.append(jvm == 0 ? "[" : ", [");
      for (int round = 0; round < roundsPerJvm; round++) {
        json.append(round == 0 ? "{" : ", {");
        int k = 0;
        for (Map.Entry<String, Double> side : meanMillis.entrySet()) {
          double factor = JVM_FACTORS[jvm] * (1 + noise * (2 * random.nextDouble() - 1));
          json.append(k++ == 0 ? "" : ", ").append('"').append(side.getKey()).append("\": ")
              .append(Math.round(side.getValue() * factor * 1e6));
        }
        json.append('}');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }

  private static Map<String, Double> sides(double stria, double hdr, double prometheus) {
    Map<String, Double> sides = new LinkedHashMap<>();
    sides.put("floorNoRecording", 30.0);
    sides.put("stria", stria);
    sides.put("prometheusClassicOnly", prometheus);
    sides.put("hdrRecorder", hdr);
    return sides;
  }

  @Test
  void aStriaFasterInEveryJvmMeetsTheTargetThoughTheJvmsDifferMoreThanTheLibraries()
      throws IOException {
    String markdown = report(overlappingJmhLines(), rounds(sides(31.5, 35.0, 40.0), 100, 0.1));

    assertThat(markdown).containsPattern("each peer's in the same rounds \\(throughput >= every "
        + "peer's\\) \\| 0\\.9\\d \\(99% interval 0\\.\\d\\d-0\\.9\\d\\) against hdrRecorder, the "
        + "closest peer; 300 rounds in 3 JVMs, median batch \\d+\\.\\d ms against \\d+\\.\\d "
        + "\\| <= 1\\.00 \\| yes \\|");
  }

  @Test
  void aStriaAsFastAsAPeerCannotBeRanked() throws IOException {
    String markdown = report(overlappingJmhLines(), rounds(sides(35.0, 35.0, 40.0), 100, 0.1));

    assertThat(markdown).containsPattern("against hdrRecorder, the closest peer; 300 rounds in 3 "
        + "JVMs, median batch [\\d.]+ ms against [\\d.]+: the interval spans 1\\.00, the rounds "
        + "cannot rank them \\| <= 1\\.00 \\| — \\|");
  }

  @Test
  void aStriaSlowerThanOnePeerMissesTheTarget() throws IOException {
    String markdown = report(overlappingJmhLines(), rounds(sides(40.0, 35.0, 50.0), 100, 0.1));

    assertThat(markdown).containsPattern("\\| 1\\.1\\d \\(99% interval 1\\.\\d\\d-1\\.\\d\\d\\) "
        + "against hdrRecorder, the closest peer; 300 rounds in 3 JVMs, median batch [\\d.]+ ms "
        + "against [\\d.]+ \\| <= 1\\.00 \\| \\*\\*no\\*\\* \\|");
  }

  @Test
  void withoutVirtualThreadsTheRoundsLeaveTheVerdictToTheJmhLines() throws IOException {
    String markdown = report(overlappingJmhLines(), "{\"jdk\": \"17\", \"available\": false}");

    assertThat(markdown).contains("Stria time per batch / best peer's (throughput >= every "
        + "peer's) | 0.97 (stria 33.0 ± 4.0 ms; hdrRecorder 34.0 ± 4.0 ms): error bars overlap,"
        + " the run cannot rank them | <= 1.00 | — |");
  }

  @Test
  void theIntervalIsTheSameForTheSameRounds() {
    String json = rounds(sides(34.0, 35.0, 40.0), 50, 0.2);

    VirtualThreadPairsResult.Comparison first =
        VirtualThreadPairsResult.parse(json).striaAgainstPeers().get(1);
    VirtualThreadPairsResult.Comparison second =
        VirtualThreadPairsResult.parse(json).striaAgainstPeers().get(1);

    assertThat(first.peer()).isEqualTo("hdrRecorder");
    assertThat(second).isEqualTo(first);
    assertThat(first.low()).isLessThan(first.ratio());
    assertThat(first.high()).isGreaterThan(first.ratio());
  }
}
