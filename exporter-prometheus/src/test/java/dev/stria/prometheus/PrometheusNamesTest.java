package dev.stria.prometheus;

import static dev.stria.snapshot.MetricType.COUNTER;
import static dev.stria.snapshot.MetricType.GAUGE;
import static dev.stria.snapshot.MetricType.HISTOGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusNamesTest {

  @Test
  void invalidCharactersBecomeOneUnderscorePerRun() {
    assertThat(PrometheusNames.metricBaseName("http.server..requests-é", "", GAUGE))
        .isEqualTo("http_server_requests");
  }

  @Test
  void colonsAreKeptInMetricNames() {
    assertThat(PrometheusNames.metricBaseName("job:rate.5m", "", GAUGE)).isEqualTo("job:rate_5m");
  }

  @Test
  void leadingDigitGetsAnUnderscore() {
    assertThat(PrometheusNames.metricBaseName("5xx.errors", "", GAUGE)).isEqualTo("_5xx_errors");
  }

  @Test
  void secondsMillisecondsAndBytesBecomeSuffixes() {
    assertThat(PrometheusNames.metricBaseName("http.server.duration", "s", HISTOGRAM))
        .isEqualTo("http_server_duration_seconds");
    assertThat(PrometheusNames.metricBaseName("gc.pause", "ms", HISTOGRAM))
        .isEqualTo("gc_pause_milliseconds");
    assertThat(PrometheusNames.metricBaseName("jvm.memory.used", "By", GAUGE))
        .isEqualTo("jvm_memory_used_bytes");
  }

  @Test
  void unitOneAddsNothing() {
    assertThat(PrometheusNames.metricBaseName("cpu.utilization", "1", GAUGE))
        .isEqualTo("cpu_utilization");
  }

  @Test
  void annotationsAreDropped() {
    assertThat(PrometheusNames.metricBaseName("queue.size", "{messages}", GAUGE))
        .isEqualTo("queue_size");
    assertThat(PrometheusNames.metricBaseName("io", "{packets}By", COUNTER))
        .isEqualTo("io_bytes");
  }

  @Test
  void rateUnitsBecomePer() {
    assertThat(PrometheusNames.metricBaseName("net.io", "By/s", GAUGE))
        .isEqualTo("net_io_bytes_per_second");
    assertThat(PrometheusNames.metricBaseName("requests.rate", "{request}/min", GAUGE))
        .isEqualTo("requests_rate_per_minute");
  }

  @Test
  void unknownUnitsAreSanitisedAndUsed() {
    assertThat(PrometheusNames.metricBaseName("fuel", "l.gal", GAUGE)).isEqualTo("fuel_l_gal");
  }

  @Test
  void suffixIsNotAddedTwice() {
    assertThat(PrometheusNames.metricBaseName("request.duration.seconds", "s", HISTOGRAM))
        .isEqualTo("request_duration_seconds");
  }

  @Test
  void counterBaseNameHasNoTotalSoTheWriterAddsItOnce() {
    assertThat(PrometheusNames.metricBaseName("http.requests", "1", COUNTER))
        .isEqualTo("http_requests");
    assertThat(PrometheusNames.metricBaseName("http.requests.total", "", COUNTER))
        .isEqualTo("http_requests");
    assertThat(PrometheusNames.metricBaseName("bytes.sent_total", "By", COUNTER))
        .isEqualTo("bytes_sent_bytes");
  }

  @Test
  void labelNamesAreSanitisedWithoutColons() {
    assertThat(PrometheusNames.labelName("http.route")).isEqualTo("http_route");
    assertThat(PrometheusNames.labelName("a:b")).isEqualTo("a_b");
    assertThat(PrometheusNames.labelName("__reserved")).isEqualTo("_reserved");
    assertThat(PrometheusNames.labelName("0day")).isEqualTo("_0day");
    assertThat(PrometheusNames.labelName("名前")).isEqualTo("_");
  }
}
