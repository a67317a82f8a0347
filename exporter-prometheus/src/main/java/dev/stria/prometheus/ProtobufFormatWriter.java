package dev.stria.prometheus;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus' protobuf exposition format (native histograms), written by Stria: a drop-in for
 * client_java's {@link PrometheusProtobufWriter} that writes the same bytes for the same snapshots
 * (any collector's, not only Stria's) without building a protobuf message per family, metric,
 * label and bucket. {@link PrometheusExporter} serves its protobuf scrapes with it; use it where
 * you write scrapes yourself:
 *
 * <pre>{@code
 * ExpositionFormatWriter writer = new ProtobufFormatWriter();
 * writer.write(responseBody, prometheusRegistry.scrape(), EscapingScheme.fromAcceptHeader(accept));
 * }</pre>
 *
 * <p>Where it differs from client_java 1.8.0: a family of which no metric would be written (a
 * summary with no count, sum or quantile in any point) is left out instead of written as a family
 * with no name. {@link #toDebugString} (the protobuf text form behind {@code
 * ?debug=prometheus-protobuf}) is client_java's. Thread-safe.
 */
public final class ProtobufFormatWriter implements ExpositionFormatWriter {
  private static final PrometheusProtobufWriter CLIENT_JAVA = new PrometheusProtobufWriter();

  /** The size of the last scrape written: the next one's first buffer. */
  private final AtomicInteger lastSize = new AtomicInteger(64 * 1024);

  /** Whether the {@code Accept} header asks for this format (as client_java's writer decides). */
  @Override
  public boolean accepts(String acceptHeader) {
    return CLIENT_JAVA.accepts(acceptHeader);
  }

  /** {@link PrometheusProtobufWriter#CONTENT_TYPE}: delimited {@code MetricFamily} messages. */
  @Override
  public String getContentType() {
    return PrometheusProtobufWriter.CONTENT_TYPE;
  }

  @Override
  public void write(OutputStream out, MetricSnapshots snapshots, EscapingScheme scheme)
      throws IOException {
    encode(snapshots, scheme).writeTo(out);
  }

  /** The scrape encoded, ready to be written: its size is known before the first byte is sent. */
  ProtobufScrapeEncoder encode(MetricSnapshots snapshots, EscapingScheme scheme) {
    ProtobufScrapeEncoder encoder = new ProtobufScrapeEncoder(lastSize.get(), scheme);
    encoder.write(snapshots);
    lastSize.set(encoder.size());
    return encoder;
  }

  /** The protobuf text form of the scrape, by client_java's writer (for debugging). */
  @Override
  public String toDebugString(MetricSnapshots snapshots, EscapingScheme scheme) {
    return CLIENT_JAVA.toDebugString(snapshots, scheme);
  }
}
