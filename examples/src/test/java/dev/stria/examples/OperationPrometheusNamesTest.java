package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.Operation;
import dev.stria.prometheus.PrometheusExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes from operations, through the real exporter: the names and labels the
 * span-metric PromQL of issue 13 selects ({@code traces_span_metrics_calls_total{status_code=
 * "STATUS_CODE_ERROR"}}, {@code traces_span_metrics_duration_milliseconds_bucket}), Stria's own
 * names, and what {@code promtool check metrics} says of them.
 */
class OperationPrometheusNamesTest {

  @Test
  void spanMetricsNamesScrapeAsTheConnectorsPrometheusNames() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Operation checkout = registry.operation("checkout")
        .naming(Operation.Naming.SPANMETRICS).labelNames("route").register();
    checkout.labels("/orders").run(() -> {});
    checkout.labels("/orders").start().close();   // never marked ok(): an error

    String text = scrape(registry);

    assertThat(text)
        .containsPattern("(?m)^traces_span_metrics_calls_total\\{(?=[^}]*span_name=\"checkout\")"
            + "(?=[^}]*route=\"/orders\")(?=[^}]*status_code=\"STATUS_CODE_ERROR\")[^}]*} 1.0$")
        .containsPattern("(?m)^traces_span_metrics_calls_total\\{"
            + "[^}]*status_code=\"STATUS_CODE_OK\"[^}]*} 1.0$")
        .containsPattern("(?m)^traces_span_metrics_duration_milliseconds_bucket\\{"
            + "(?=[^}]*le=\"15000.0\")(?=[^}]*status_code=\"STATUS_CODE_OK\")[^}]*} 1$")
        .containsPattern(
            "(?m)^traces_span_metrics_active\\{[^}]*span_name=\"checkout\"[^}]*} 0.0$");
    // promtool's lint prefers base units; milliseconds are the connector's choice, kept on purpose.
    assertThat(promtoolProblems(text)).isNotEmpty().allSatisfy(problem -> assertThat(problem)
        .startsWith("traces_span_metrics_duration_milliseconds")
        .contains("use base unit \"seconds\" instead of \"milliseconds\""));
  }

  @Test
  void striaNamesScrapeCleanForPromtool() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Operation jobs = registry.operation("data.process").register();
    jobs.run(() -> {});

    String text = scrape(registry);

    assertThat(Scrape.sampleNames(text)).contains("data_process_calls_total",
        "data_process_duration_seconds_bucket", "data_process_duration_seconds_count",
        "data_process_active");
    assertThat(text)
        .containsPattern("(?m)^data_process_calls_total\\{[^}]*status=\"ok\"[^}]*} 1.0$");
    assertThat(promtoolProblems(text)).isEmpty();
  }

  private static String scrape(MeterRegistry registry) throws Exception {
    try (PrometheusExporter exporter =
             PrometheusExporter.builder().registry(registry).port(0).start()) {
      return Scrape.text("http://localhost:" + exporter.port() + "/metrics");
    }
  }

  /** The lines {@code promtool check metrics} prints about an exposition, one per problem. */
  private static List<String> promtoolProblems(String exposition)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(PrometheusRulesTest.PROMTOOL)) {
      assertThat("true".equals(System.getenv("CI")))
          .as("CI=true needs " + PrometheusRulesTest.PROMTOOL).isFalse();
      Assumptions.abort(PrometheusRulesTest.PROMTOOL + " not found: skipped");
    }
    Process process = new ProcessBuilder(PrometheusRulesTest.PROMTOOL.toString(), "check",
        "metrics").redirectErrorStream(true).start();
    process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    List<String> problems = output.lines().filter(line -> !line.isBlank()).toList();
    assertThat(process.exitValue()).as(output).isEqualTo(problems.isEmpty() ? 0 : 3);
    return problems;
  }
}
