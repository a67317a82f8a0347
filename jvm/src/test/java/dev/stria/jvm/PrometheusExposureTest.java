package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.Registration;
import dev.stria.prometheus.ExternalBinary;
import dev.stria.prometheus.PrometheusExporter;
import dev.stria.prometheus.PrometheusServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM metrics scraped like any metric, from the Prometheus exporter over HTTP: named by the
 * OpenTelemetry-to-Prometheus rules (so dashboards built for OpenTelemetry's JVM metrics work),
 * accepted by promtool, and stored by a real Prometheus.
 */
class PrometheusExposureTest {
  private final MeterRegistry registry = new MeterRegistry();
  private Registration jvm;
  private PrometheusExporter exporter;

  @BeforeEach
  void serve() throws Exception {
    jvm = JvmMetrics.register(registry);
    GcWatch.collectGarbageAndAwaitNotification();
    exporter = PrometheusExporter.builder().registry(registry).host("127.0.0.1").port(0).start();
  }

  @AfterEach
  void stop() {
    exporter.close();
    jvm.close();
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static String aHeapPool() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .findFirst().orElseThrow();
  }

  @Test
  void namesFollowTheOpenTelemetryToPrometheusRules() throws Exception {
    TextScrape scrape = TextScrape.parse(scrape());
    assertThat(scrape.types()).containsAllEntriesOf(Map.ofEntries(
        Map.entry("jvm_memory_used_bytes", "gauge"),
        Map.entry("jvm_memory_committed_bytes", "gauge"),
        Map.entry("jvm_memory_limit_bytes", "gauge"),
        Map.entry("jvm_memory_used_after_last_gc_bytes", "gauge"),
        Map.entry("jvm_gc_duration_seconds", "histogram"),
        Map.entry("jvm_thread_count", "gauge"),
        Map.entry("jvm_class_loaded_total", "counter"),
        Map.entry("jvm_class_unloaded_total", "counter"),
        Map.entry("jvm_class_count", "gauge"),
        Map.entry("jvm_cpu_time_seconds_total", "counter"),
        Map.entry("jvm_cpu_count", "gauge"),
        Map.entry("jvm_cpu_recent_utilization", "gauge"),
        Map.entry("process_cpu_time_seconds_total", "counter"),
        Map.entry("process_uptime_seconds", "gauge"),
        Map.entry("process_start_time_seconds", "gauge"),
        Map.entry("process_memory_usage_bytes", "gauge"),
        Map.entry("process_unix_file_descriptor_count", "gauge"),
        Map.entry("process_unix_file_descriptor_limit", "gauge")));
    assertThat(scrape.has("jvm_memory_used_bytes",
        Map.of("jvm_memory_type", "heap", "jvm_memory_pool_name", aHeapPool()))).isTrue();
    assertThat(scrape.has("jvm_memory_used_bytes",
        Map.of("jvm_memory_type", "non_heap", "jvm_memory_pool_name", "Metaspace"))).isTrue();
    for (String le : List.of("0.01", "0.1", "1.0", "10.0", "+Inf")) {
      assertThat(scrape.has("jvm_gc_duration_seconds_bucket", Map.of("le", le))).as(le).isTrue();
    }
    assertThat(scrape.samples("jvm_gc_duration_seconds_count")).isNotEmpty()
        .allSatisfy(labels -> assertThat(labels).containsKeys("jvm_gc_name", "jvm_gc_action"));
    assertThat(scrape.samples("jvm_thread_count")).isNotEmpty().allSatisfy(labels -> {
      assertThat(labels.get("jvm_thread_daemon")).isIn("true", "false");
      assertThat(labels.get("jvm_thread_state")).isIn(
          "new", "runnable", "blocked", "waiting", "timed_waiting", "terminated");
    });
    for (String total : List.of("jvm_class_loaded_total", "jvm_cpu_time_seconds_total",
        "process_cpu_time_seconds_total")) {
      assertThat(scrape.samples(total)).as(total).hasSize(1);
    }
  }

  @Test
  void promtoolFindsNothingButTheConventionsOwnCountNames() throws Exception {
    Path promtool = ExternalBinary.require("promtool");
    String text = scrape();
    Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectErrorStream(true).start();
    check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // promtool's style rule against a "_count" suffix outside histograms meets the names the
    // semantic conventions chose (jvm.thread.count and so on); anything else is a real finding.
    List<String> conventionCounts = List.of("jvm_thread_count", "jvm_class_count",
        "jvm_cpu_count", "process_unix_file_descriptor_count");
    List<String> findings = report.lines().filter(line -> !line.isBlank())
        .filter(line -> conventionCounts.stream().noneMatch(
            name -> line.equals(name + " non-histogram and non-summary metrics should not have"
                + " \"_count\" suffix")))
        .toList();
    assertThat(findings).as("promtool on:\n" + text).isEmpty();
  }

  @Test
  void aRealPrometheusScrapesAndStoresThem(@TempDir Path dir) throws Exception {
    try (PrometheusServer prometheus = PrometheusServer.start(
        ExternalBinary.require("prometheus"), dir, exporter.port(), false)) {
      prometheus.awaitHealthyTarget();
      assertThat(prometheus.queryValue("sum(jvm_memory_used_bytes{jvm_memory_type=\"heap\"})"))
          .isPositive();
      assertThat(prometheus.queryValue("sum(jvm_gc_duration_seconds_count)")).isPositive();
      assertThat(prometheus.queryValue("sum(jvm_thread_count)")).isPositive();
      assertThat(prometheus.queryValue("jvm_class_loaded_total")).isPositive();
      assertThat(prometheus.queryValue("jvm_cpu_time_seconds_total")).isPositive();
      assertThat(prometheus.queryValue("time() - process_start_time_seconds"))
          .isBetween(0.0, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3 + 60);
    }
  }
}
