package dev.stria.prometheus;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;

/**
 * Decides per scrape whether points carry created timestamps.
 *
 * <p>OpenMetrics has {@code _created} samples and the protobuf format a {@code created_timestamp}
 * field, but the text format 0.0.4 has neither: Prometheus' writer would add a separate {@code
 * _created} gauge per counter and histogram, doubling the series a text scrape ingests. So when
 * the scrape is an HTTP request that negotiates the text format, points go without them; in every
 * other case (OpenMetrics, protobuf, or a scrape whose format is unknown) they carry them.
 */
final class CreatedTimestampPolicy {
  private static final PrometheusProtobufWriter PROTOBUF = new PrometheusProtobufWriter();
  private static final OpenMetricsTextFormatWriter OPEN_METRICS = OpenMetricsTextFormatWriter.create();

  private CreatedTimestampPolicy() {}

  static boolean wanted(PrometheusScrapeRequest request) {
    if (!(request instanceof PrometheusHttpRequest http)) {
      return true;
    }
    String debug = http.getParameter("debug");
    if (debug != null) {
      return !debug.equals("text");
    }
    String accept = http.getHeader("Accept");
    return PROTOBUF.accepts(accept) || OPEN_METRICS.accepts(accept);
  }
}
