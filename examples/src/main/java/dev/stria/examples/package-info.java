/**
 * The Stria demo, {@code java -jar examples/target/stria-examples.jar [service|batch|both]}: a
 * simulated web service served for Prometheus, a batch job that pushes OTLP before it exits, and
 * both at once from one registry. Start at {@link dev.stria.examples.Main}.
 */
package dev.stria.examples;
