package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The batch mode in a JVM of its own, configured only by {@code OTEL_*} variables, pushing to a
 * loopback receiver: everything it recorded arrives although the JVM exits right after the job.
 */
class BatchPushTest {
  static final int ITERATIONS = 200;
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) operations, (\\d+) failed");

  @Test
  void deltaPushDeliversEveryOperationExactlyOnce() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      ChildJvm.Exit exit = runBatch(receiver, "delta");

      List<Metric> durations = receiver.metrics(BatchJob.DURATION);
      assertThat(durations).isNotEmpty().allSatisfy(m -> assertThat(
          m.getHistogram().getAggregationTemporality())
          .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA));
      long observations = durations.stream()
          .flatMap(m -> m.getHistogram().getDataPointsList().stream())
          .mapToLong(HistogramDataPoint::getCount).sum();
      double errors = receiver.metrics(BatchJob.CALLS).stream()
          .flatMap(m -> m.getSum().getDataPointsList().stream())
          .filter(BatchPushTest::isError).mapToDouble(OtlpReceiver::value).sum();
      assertThat(observations).isEqualTo(ITERATIONS);
      assertThat(errors).isEqualTo(failuresReported(exit));
      assertThat(receiver.metrics("jvm.memory.used")).as("the JVM metrics beside the job's")
          .isNotEmpty();
    }
  }

  @Test
  void cumulativePushEndsWithTheTotalOfEveryOperation() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      ChildJvm.Exit exit = runBatch(receiver, "cumulative");

      List<Metric> durations = receiver.metrics(BatchJob.DURATION);
      assertThat(durations).isNotEmpty().allSatisfy(m -> assertThat(
          m.getHistogram().getAggregationTemporality())
          .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE));
      Metric lastDuration = durations.get(durations.size() - 1);
      List<Metric> calls = receiver.metrics(BatchJob.CALLS);
      List<NumberDataPoint> lastErrors = calls.get(calls.size() - 1).getSum().getDataPointsList()
          .stream().filter(BatchPushTest::isError).toList();
      assertThat(lastDuration.getHistogram().getDataPointsList().stream()
          .mapToLong(HistogramDataPoint::getCount).sum()).isEqualTo(ITERATIONS);
      assertThat(lastErrors).singleElement().extracting(OtlpReceiver::value)
          .isEqualTo(failuresReported(exit));
    }
  }

  @Test
  void withoutOtlpSettingsTheConsoleExporterPrintsTheTotals() throws Exception {
    ChildJvm.Exit exit = ChildJvm.runMain(Map.of(), "batch", "--iterations", "40");

    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(exit.out()).contains("metrics to the console")
        .containsPattern(Pattern.quote(BatchJob.CALLS) + ".*status=");
  }

  @Test
  void anExporterListPushesToEachExporterListed() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      ChildJvm.Exit exit = ChildJvm.runMain(Map.of("OTEL_METRICS_EXPORTER", "console,otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint()), "batch", "--iterations", "40");

      assertThat(exit.code()).as(exit.err()).isZero();
      assertThat(exit.out()).contains("metrics to the console and OTLP to "
          + receiver.baseEndpoint()).containsPattern(Pattern.quote(BatchJob.CALLS) + ".*status=");
      assertThat(receiver.metrics(BatchJob.CALLS)).isNotEmpty();
    }
  }

  @Test
  void aDisabledSdkPushesNothing() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      ChildJvm.Exit exit = ChildJvm.runMain(Map.of("OTEL_SDK_DISABLED", "true",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint()), "batch", "--iterations", "40");

      assertThat(exit.code()).as(exit.err()).isZero();
      assertThat(exit.out()).contains("metrics to nowhere (OTEL_SDK_DISABLED=true)")
          .doesNotContain(BatchJob.CALLS);
      assertThat(receiver.requests()).isEmpty();
    }
  }

  private static ChildJvm.Exit runBatch(OtlpReceiver receiver, String temporality)
      throws Exception {
    ChildJvm.Exit exit = ChildJvm.runMain(Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint(),
            "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", temporality),
        "batch", "--iterations", String.valueOf(ITERATIONS));
    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(exit.out()).contains("metrics to OTLP to " + receiver.baseEndpoint());
    assertThat(exit.err()).doesNotContain("failed (see the log above)");
    return exit;
  }

  private static boolean isError(NumberDataPoint point) {
    return point.getAttributesList().stream().anyMatch(kv -> kv.getKey().equals("status")
        && kv.getValue().getStringValue().equals("error"));
  }

  private static double failuresReported(ChildJvm.Exit exit) {
    Matcher summary = SUMMARY.matcher(exit.out());
    assertThat(summary.find()).as(exit.out()).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).isEqualTo(ITERATIONS);
    return Integer.parseInt(summary.group(2));
  }
}
