/**
 * The Stria demo, {@code java -jar examples/target/stria-examples.jar [service|batch|both|otel]}: a
 * simulated web service served for Prometheus, a batch job that pushes OTLP before it exits, both
 * at once from one registry, and a service instrumented with the OpenTelemetry API only, recorded
 * and exported by Stria. Start at {@link dev.stria.examples.Main}.
 */
package dev.stria.examples;
