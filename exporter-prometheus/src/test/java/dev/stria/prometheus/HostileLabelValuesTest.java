package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.counter;
import static dev.stria.prometheus.TestPoints.histogram;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.MetricType;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import org.junit.jupiter.api.Test;

/** Label values are arbitrary strings; every format must carry them exactly. */
class HostileLabelValuesTest {
  static final String HOSTILE = "say \"hi\" \\o/\nnext line — Grüße, 日本, 🚀";
  /** The escaped form both text formats use: backslash, quote and newline escaped, UTF-8 as is. */
  static final String ESCAPED = "say \\\"hi\\\" \\\\o/\\nnext line — Grüße, 日本, 🚀";

  private final StriaCollector collector = StriaCollector.builder(FakeReader.of(
      metric("requests", "", "", MetricType.COUNTER, counter(1, "path", HOSTILE)),
      metric("latency", "", "s", MetricType.HISTOGRAM,
          histogram(new double[] {1}, new long[] {1, 0}, 0.5, "path", HOSTILE))))
      .scopeLabels(false).build();

  @Test
  void textFormatEscapesQuotesBackslashesAndNewlines() {
    String text = Expose.text(collector);

    assertThat(text).contains("requests_total{path=\"" + ESCAPED + "\"} 1.0\n");
    assertThat(text).contains("latency_seconds_bucket{path=\"" + ESCAPED + "\",le=\"+Inf\"} 1\n");
  }

  @Test
  void openMetricsEscapesQuotesBackslashesAndNewlines() {
    String om = Expose.openMetrics(collector);

    assertThat(om).contains("requests_total{path=\"" + ESCAPED + "\"} 1.0\n");
    assertThat(om).contains("latency_seconds_count{path=\"" + ESCAPED + "\"} 1\n");
  }

  @Test
  void protobufCarriesTheValueUnchanged() {
    var families = Expose.protobuf(collector);

    for (String name : new String[] {"requests_total", "latency_seconds"}) {
      Metrics.LabelPair label = families.get(name).getMetric(0).getLabel(0);
      assertThat(label.getName()).isEqualTo("path");
      assertThat(label.getValue()).isEqualTo(HOSTILE);
    }
  }

  @Test
  void helpTextIsEscapedToo() {
    StriaCollector c = StriaCollector.builder(FakeReader.of(
        metric("x", "line one\nline \"two\" \\", "", MetricType.COUNTER, counter(1))))
        .scopeLabels(false).build();

    assertThat(Expose.text(c)).contains("# HELP x_total line one\\nline \"two\" \\\\\n");
    assertThat(Expose.openMetrics(c)).contains("# HELP x line one\\nline \\\"two\\\" \\\\\n");
    assertThat(Expose.protobuf(c).get("x_total").getHelp()).isEqualTo("line one\nline \"two\" \\");
  }
}
