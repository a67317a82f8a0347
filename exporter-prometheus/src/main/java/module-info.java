/**
 * Stria's Prometheus scrape endpoint, on Prometheus client_java 1.8.0 (automatic modules: its
 * jars name themselves in their manifests) and the JDK's {@code jdk.httpserver}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.stria.prometheus {
  requires transitive dev.stria;
  requires transitive jdk.httpserver;
  requires java.net.http; // the Pushgateway exporter's client
  requires transitive io.prometheus.metrics.model;
  // ProtobufFormatWriter is an ExpositionFormatWriter and takes an EscapingScheme
  requires transitive io.prometheus.metrics.config;
  requires io.prometheus.metrics.exporter.common;
  requires io.prometheus.metrics.exporter.httpserver;
  requires transitive io.prometheus.writer.text;
  // the protobuf writer, which the text-format jar's PrometheusProtobufWriter loads by name
  requires io.prometheus.metrics.expositionformats;

  exports dev.stria.prometheus;
}
