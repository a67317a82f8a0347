package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus files beside the demo ({@code examples/prometheus/}): valid for promtool, their
 * alerts behave as their unit tests say, and every series they query is one the demo exports.
 * promtool is required when {@code CI=true}; elsewhere its checks are skipped without it.
 */
class PrometheusRulesTest {
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  static final Path DIRECTORY = Path.of(System.getProperty("basedir", ".")).resolve("prometheus");
  static final Path RULES = DIRECTORY.resolve("slo-rules.yml");
  static final Path RULES_TESTS = DIRECTORY.resolve("slo-rules.test.yml");
  static final Path SPAN_RULES = DIRECTORY.resolve("spanmetrics-rules.yml");
  static final Path SPAN_RULES_TESTS = DIRECTORY.resolve("spanmetrics-rules.test.yml");
  static final Path CONFIG = DIRECTORY.resolve("prometheus.yml");

  /** A metric name right before a selector's braces or a range: {@code name{...}}, {@code name[5m]}. */
  private static final Pattern QUERIED = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_:]*)\\s*[{\\[]");

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 9 rules found");
    assertThat(promtool("check", "rules", SPAN_RULES.toString()))
        .contains("SUCCESS: 8 rules found");
  }

  @Test
  void promtoolAcceptsTheConfigAndItsRuleFile() throws Exception {
    assertThat(promtool("check", "config", CONFIG.toString()))
        .contains("SUCCESS: 2 rule files found");
  }

  @Test
  void rulesPassTheirUnitTests() throws Exception {
    assertThat(promtool("test", "rules", RULES_TESTS.toString())).contains("SUCCESS");
  }

  @Test
  void spanMetricsRulesPassTheirUnitTests() throws Exception {
    assertThat(promtool("test", "rules", SPAN_RULES_TESTS.toString())).contains("SUCCESS");
  }

  @Test
  void configScrapesTheDemosDefaultAddress() throws IOException {
    assertThat(Files.readString(CONFIG))
        .contains("- targets: [\"" + CommandLine.DEFAULT_HOST + ":" + CommandLine.DEFAULT_PORT + "\"]")
        .contains("metrics_path: /metrics")
        .contains("- slo-rules.yml").contains("- spanmetrics-rules.yml");
  }

  @Test
  void everySeriesTheRulesAndTheirTestsQueryIsExportedByTheDemo() throws Exception {
    Set<String> queried = queriedMetricNames(Files.readString(RULES));
    for (Path file : List.of(RULES_TESTS, SPAN_RULES, SPAN_RULES_TESTS)) {
      queried.addAll(queriedMetricNames(Files.readString(file)));
    }
    assertThat(queried).contains("http_server_requests_total",
        "http_server_request_duration_seconds_bucket", "traces_span_metrics_calls_total",
        "traces_span_metrics_duration_milliseconds_bucket");

    try (ServiceScenario service = ServiceScenarioTest.startedService()) {
      Set<String> exported = Scrape.sampleNames(Scrape.text(service.metricsUrl()));

      assertThat(exported).containsAll(queried);
    }
  }

  @Test
  void theErrorRatioSelectsTheStatusLabelTheDemoExports() throws Exception {
    try (ServiceScenario service = ServiceScenarioTest.startedService()) {
      assertThat(Scrape.text(service.metricsUrl()))
          .containsPattern("http_server_requests_total\\{[^}]*status=\"500\"");
    }
  }

  @Test
  void theSpanErrorRatioSelectsTheStatusCodeAndSpanNameTheDemoExports() throws Exception {
    try (ServiceScenario service = ServiceScenarioTest.startedService()) {
      assertThat(Scrape.text(service.metricsUrl()))
          .containsPattern("traces_span_metrics_calls_total\\{[^}]*span_name=\"GET /api/orders\""
              + "[^}]*status_code=\"STATUS_CODE_ERROR\"")
          .containsPattern("traces_span_metrics_duration_milliseconds_bucket\\{[^}]*"
              + "span_name=\"POST /api/orders\"");
    }
  }

  /**
   * Names of raw series in selectors, leaving out recorded ones (level:metric:operation), comments
   * and annotation templates.
   */
  static Set<String> queriedMetricNames(String yaml) {
    String queries = yaml.replaceAll("(?m)^\\s*#.*$", "").replaceAll("\\{\\{.*?}}", "");
    Set<String> names = new TreeSet<>();
    Matcher m = QUERIED.matcher(queries);
    while (m.find()) {
      String name = m.group(1);
      if (!name.contains(":") && !List.of("by", "without", "on", "ignoring").contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String promtool(String... args) throws IOException, InterruptedException {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!Files.isExecutable(PROMTOOL)) {
      assertThat(ci).as("CI=true needs " + PROMTOOL + " (Debian's prometheus package)").isFalse();
      Assumptions.abort(PROMTOOL + " not found: skipped (required when CI=true)");
    }
    List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }
}
