package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Gauge;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a job pushes, as a real Pushgateway stores and shows it on its own {@code /metrics}. */
class PushgatewayExporterTest {
  @TempDir Path dir;
  private Pushgateway pushgateway;

  @BeforeEach
  void startPushgateway() throws Exception {
    pushgateway = Pushgateway.start(dir);
  }

  @AfterEach
  void stopPushgateway() {
    pushgateway.close();
  }

  private PushgatewayExporterBuilder exporter(MeterRegistry registry, String job) {
    return PushgatewayExporter.builder().registry(registry).address(pushgateway.address())
        .job(job).shutdownHook(false);
  }

  /** The value of the one sample whose line carries every label pair given. */
  static double value(List<String> samples, String... labelPairs) {
    List<String> matching = samples.stream()
        .filter(line -> List.of(labelPairs).stream().allMatch(line::contains)).toList();
    assertThat(matching).as("samples " + samples + " with " + List.of(labelPairs)).hasSize(1);
    String line = matching.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Test
  void pushedMetricsAppearWithTheirJobAndGroupingLabels() throws Exception {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "importer").build();
    Counter rows = registry.counter("import.rows").unit("1").labelNames("table").register();
    Gauge lag = registry.gauge("import.lag").unit("s").register();
    rows.labels("orders").add(3);
    lag.set(1.5);

    try (PushgatewayExporter exporter = exporter(registry, "nightly-import")
        .groupingKey("instance", "a").pushOnClose(false).build()) {
      exporter.push();
    }

    List<String> pushed = pushgateway.samples("import_rows_total");
    assertThat(value(pushed, "job=\"nightly-import\"", "instance=\"a\"", "table=\"orders\"",
        "otel_scope_name=\"dev.stria\"")).isEqualTo(3);
    assertThat(value(pushgateway.samples("import_lag_seconds"), "job=\"nightly-import\"",
        "instance=\"a\"")).isEqualTo(1.5);
    assertThat(value(pushgateway.samples("target_info"), "job=\"nightly-import\"",
        "service_name=\"importer\"")).isEqualTo(1);
    assertThat(value(pushgateway.samples("push_time_seconds"), "job=\"nightly-import\"",
        "instance=\"a\"")).isPositive();
  }

  @Test
  void pushAddKeepsTheGroupsOtherMetricsWhilePushReplacesThem() throws Exception {
    MeterRegistry first = new MeterRegistry();
    first.counter("first.step").register().inc();
    MeterRegistry second = new MeterRegistry();
    second.counter("second.step").register().add(2);

    try (PushgatewayExporter one = exporter(first, "steps").pushOnClose(false).build();
         PushgatewayExporter two = exporter(second, "steps").pushOnClose(false).build()) {
      one.push();
      two.pushAdd();
      assertThat(value(pushgateway.samples("first_step_total"), "job=\"steps\"")).isEqualTo(1);
      assertThat(value(pushgateway.samples("second_step_total"), "job=\"steps\"")).isEqualTo(2);

      two.push();
      assertThat(pushgateway.samples("first_step_total")).isEmpty();
      assertThat(value(pushgateway.samples("second_step_total"), "job=\"steps\"")).isEqualTo(2);
    }
  }

  @Test
  void deleteRemovesTheGroupAndOnlyIt() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("cleanup.runs").register().inc();

    try (PushgatewayExporter a = exporter(registry, "cleanup").groupingKey("instance", "a")
             .pushOnClose(false).build();
         PushgatewayExporter b = exporter(registry, "cleanup").groupingKey("instance", "b")
             .pushOnClose(false).build()) {
      a.push();
      b.push();
      assertThat(pushgateway.samples("cleanup_runs_total")).hasSize(2);

      a.delete();

      assertThat(pushgateway.samples("cleanup_runs_total")).singleElement().asString()
          .contains("instance=\"b\"");
      assertThat(a.pushesSucceeded()).isEqualTo(2);
    }   // pushOnClose(false): closing does not bring the deleted group back

    assertThat(pushgateway.samples("cleanup_runs_total")).singleElement().asString()
        .contains("instance=\"b\"");
  }

  @Test
  void jobAndGroupingValuesWithSlashesAndEmptyValuesRoundTrip() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("files.copied").register().add(7);

    try (PushgatewayExporter exporter = exporter(registry, "backup/nightly")
        .groupingKey("path", "/var/lib/data").groupingKey("tier", "").groupingKey("zone", "eu west")
        .pushOnClose(false).build()) {
      assertThat(exporter.groupUrl().getRawPath()).contains("/job@base64/", "/path@base64/",
          "/tier@base64/=", "/zone/eu%20west");
      exporter.push();
    }

    assertThat(value(pushgateway.samples("files_copied_total"), "job=\"backup/nightly\"",
        "path=\"/var/lib/data\"", "zone=\"eu west\"")).isEqualTo(7);
  }

  @Test
  void explicitHistogramArrivesWithItsBucketsInBothFormats() throws Exception {
    for (PushgatewayExporter.Format format : PushgatewayExporter.Format.values()) {
      MeterRegistry registry = new MeterRegistry();
      Histogram latency = registry.histogram("step.duration").unit("s")
          .buckets(0.1, 0.5, 1).register();
      latency.observe(0.05);
      latency.observe(0.3);
      latency.observe(0.7);
      latency.observe(2);
      String job = "hist-" + format.name().toLowerCase(java.util.Locale.ROOT);

      try (PushgatewayExporter exporter = exporter(registry, job).format(format).build()) {
        exporter.push();
      }

      String group = "job=\"" + job + "\"";
      List<String> buckets = pushgateway.samples("step_duration_seconds_bucket");
      assertThat(value(buckets, group, "le=\"0.1\"")).isEqualTo(1);
      assertThat(value(buckets, group, "le=\"0.5\"")).isEqualTo(2);
      assertThat(value(buckets, group, "le=\"1\"")).isEqualTo(3);
      assertThat(value(buckets, group, "le=\"+Inf\"")).isEqualTo(4);
      assertThat(value(pushgateway.samples("step_duration_seconds_sum"), group))
          .isEqualTo(3.05, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void exponentialHistogramArrivesAsANativeHistogram() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Histogram sizes = registry.histogram("payload.size").unit("By").exponential().register();
    for (int i = 1; i <= 100; i++) {
      sizes.observe(i * 10);
    }

    try (PushgatewayExporter exporter = exporter(registry, "native").build()) {
      exporter.push();
    }

    MetricFamily family = pushgateway.metricsProtobuf().stream()
        .filter(f -> f.getName().equals("payload_size_bytes")).findFirst().orElseThrow();
    assertThat(family.getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
    Metrics.Histogram histogram = family.getMetric(0).getHistogram();
    assertThat(histogram.getSampleCount()).isEqualTo(100);
    assertThat(histogram.getSampleSum()).isEqualTo(50_500);
    assertThat(histogram.getSchema()).isBetween(-4, 8);
    long bucketTotal = histogram.getPositiveDeltaList().stream()
        .reduce(new long[2], (acc, delta) -> {
          acc[0] += delta;   // deltas: the running count of each bucket
          acc[1] += acc[0];
          return acc;
        }, (x, y) -> x)[1];
    assertThat(bucketTotal).isEqualTo(100);
  }

  @Test
  void closingPushesTheFinalValueSoABatchJobLosesNothing() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter processed = registry.counter("batch.items").register();

    try (PushgatewayExporter exporter = exporter(registry, "batch").build()) {
      for (int i = 0; i < 1000; i++) {
        processed.inc();
        if (i == 500) {
          exporter.push();   // an intermediate push: the group then holds 501
        }
      }
    }

    assertThat(value(pushgateway.samples("batch_items_total"), "job=\"batch\"")).isEqualTo(1000);
  }

  @Test
  void periodicPushesKeepTheGroupCurrentWhileTheJobRuns() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter processed = registry.counter("long.items").register();
    processed.add(5);

    try (PushgatewayExporter exporter = exporter(registry, "long").pushOnClose(false)
        .interval(java.time.Duration.ofMillis(100)).build()) {
      pushgateway.awaitSamples("long_items_total", s -> !s.isEmpty() && s.get(0).endsWith(" 5"));
      processed.add(10);
      pushgateway.awaitSamples("long_items_total", s -> !s.isEmpty() && s.get(0).endsWith(" 15"));
      // The Pushgateway serves a push before the exporter has read its reply and counted it.
      pushgateway.await(() -> exporter.pushesSucceeded() >= 2,
          () -> "two counted pushes, counted " + exporter.pushesSucceeded());
      assertThat(exporter.pushesFailed()).isZero();
    }
  }

  @Test
  void healthCountersArePublishedInTheRegistryAndPushedWithIt() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("work").register().inc();

    try (PushgatewayExporter exporter = exporter(registry, "health").pushOnClose(false).build()) {
      exporter.push();
      exporter.push();   // carries the count of the first
    }

    assertThat(value(pushgateway.samples("stria_pushgateway_pushes_succeeded_total"),
        "job=\"health\"")).isEqualTo(1);
    assertThat(value(pushgateway.samples("stria_pushgateway_pushes_failed_total"),
        "job=\"health\"")).isZero();
  }

  @Test
  void aRefusedPushIsAnIoExceptionWithThePushgatewaysReason() throws Exception {
    MeterRegistry counters = new MeterRegistry();
    counters.counter("clash").register().inc();                 // clash_total, a counter
    MeterRegistry gauges = new MeterRegistry();
    gauges.gauge("clash.total").register().set(1);              // clash_total, a gauge

    try (PushgatewayExporter first = exporter(counters, "one").pushOnClose(false).build();
         PushgatewayExporter second = exporter(gauges, "two").pushOnClose(false).build()) {
      first.push();
      java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(
          java.io.IOException.class, second::push);

      assertThat(refused).hasMessageStartingWith("PUT " + second.groupUrl() + " failed: HTTP 400")
          .hasMessageContaining("clash_total");
      assertThat(second.pushesFailed()).isEqualTo(1);
      assertThat(registryValue(gauges, PushgatewayHealthMetrics.FAILED)).isEqualTo(1);
    }
  }

  static double registryValue(MeterRegistry registry, String name) {
    try (var reader = registry.newReader(Temporality.CUMULATIVE)) {
      return reader.collect().stream().filter(m -> m.name().equals(name)).findFirst()
          .map(m -> ((dev.stria.snapshot.CounterPoint) m.points().get(0)).value())
          .orElseThrow(() -> new AssertionError(name + " is not in the registry"));
    }
  }
}
