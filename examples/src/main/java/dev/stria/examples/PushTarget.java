package dev.stria.examples;

/**
 * Where the demo pushes, as {@link DemoExporters} chose: to an OTLP receiver, configured entirely
 * by the {@code OTEL_*} settings, or to standard output with the console exporter.
 */
enum PushTarget {
  OTLP, CONSOLE
}
