/**
 * JVM and process metrics under the OpenTelemetry semantic conventions, in one call: {@link
 * dev.stria.jvm.JvmMetrics#register(dev.stria.MeterRegistry)}.
 */
package dev.stria.jvm;
