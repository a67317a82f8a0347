/**
 * OTLP push: {@link dev.stria.otlp.OtlpExporter} sends a registry's metrics to an OpenTelemetry
 * Collector over OTLP/HTTP (protobuf encoded by hand, or JSON) every interval and on close, with
 * retries, a bounded delta backlog and the standard {@code OTEL_*} configuration; {@link
 * dev.stria.otlp.ConsoleExporter} prints the same data for people.
 *
 * <p>Public: {@code OtlpExporter}, {@code OtlpExporterBuilder}, {@code ConsoleExporter}, {@code
 * TemporalityPreference}, {@code OtlpProtocol}, {@code RetryPolicy}, {@code ExporterHealth},
 * {@code OtlpProtobufEncoder}. Everything else is package-private and not API.
 */
package dev.stria.otlp;
