package dev.stria.prometheus;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a collector's scrape in each exposition format with the writer the exporter serves it
 * with: client_java's for the text formats, Stria's for protobuf.
 */
final class Expose {
  private Expose() {}

  static String text(MultiCollector collector) {
    return write(collector.collect(), "text");
  }

  static String openMetrics(MultiCollector collector) {
    return write(collector.collect(), "openmetrics");
  }

  /** The protobuf scrape decoded with the official definitions (client_java's), by family name. */
  static Map<String, MetricFamily> protobuf(MultiCollector collector) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ProtobufFormatWriter().write(out, collector.collect());
      Map<String, MetricFamily> families = new LinkedHashMap<>();
      for (MetricFamily family : families(out.toByteArray())) {
        families.put(family.getName(), family);
      }
      return families;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The families of a protobuf scrape's bytes (delimited messages), in order. */
  static List<MetricFamily> families(byte[] delimited) {
    try {
      ByteArrayInputStream in = new ByteArrayInputStream(delimited);
      List<MetricFamily> families = new ArrayList<>();
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        families.add(family);
      }
      return families;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(MetricSnapshots snapshots, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (format.equals("text")) {
        PrometheusTextFormatWriter.create().write(out, snapshots);
      } else {
        OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(true).build()
            .write(out, snapshots);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
