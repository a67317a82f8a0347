package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.opentelemetry.StriaOpenTelemetry;
import dev.stria.prometheus.PrometheusExporter;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code otel} mode: the {@link CheckoutService}, instrumented with the OpenTelemetry API
 * only, recording into a Stria registry through {@link StriaOpenTelemetry} (no OpenTelemetry SDK)
 * and exported by Stria: served for Prometheus at {@code http://host:port/metrics} and pushed
 * (OTLP when an endpoint is configured, else the console), as {@link DemoExporters} chose.
 *
 * <pre>{@code
 * MeterRegistry registry = DemoRegistry.create();
 * CheckoutService checkout = new CheckoutService(StriaOpenTelemetry.create(registry));
 * PrometheusExporter.builder().registry(registry).start();   // and OtlpExporter, as for any registry
 * }</pre>
 */
final class OpenTelemetryScenario implements RunningScenario {
  private final CheckoutService checkout;
  private final PrometheusExporter prometheus;   // null when not served
  private final List<Push> pushes;
  private final String host;

  private OpenTelemetryScenario(CheckoutService checkout, PrometheusExporter prometheus,
      List<Push> pushes, String host) {
    this.checkout = checkout;
    this.prometheus = prometheus;
    this.pushes = pushes;
    this.host = host;
  }

  /**
   * Starts the service, the endpoint at {@code host}:{@code port} when served, and the pushes.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   * @throws IllegalArgumentException when an {@code OTEL_*} setting is malformed
   */
  static OpenTelemetryScenario start(String host, int port, DemoExporters exporters,
      Settings settings, PrintStream out) {
    MeterRegistry registry = DemoRegistry.create();
    CheckoutService checkout = new CheckoutService(StriaOpenTelemetry.create(registry));
    PrometheusExporter prometheus = null;
    try {
      if (exporters.serve()) {
        prometheus = PrometheusExporter.builder().registry(registry).host(host).port(port).start();
      }
      return new OpenTelemetryScenario(checkout, prometheus,
          Push.startAll(exporters, registry, settings, out), host);
    } catch (RuntimeException e) {
      checkout.close();
      if (prometheus != null) {
        prometheus.close();
      }
      throw e;
    }
  }

  /** Where Prometheus scrapes; only when served. */
  String metricsUrl() {
    String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;   // an IPv6 literal
    return "http://" + authority + ":" + prometheus.port() + "/metrics";
  }

  /**
   * What runs, e.g. {@code A checkout service instrumented with the OpenTelemetry API, its
   * metrics served at http://127.0.0.1:9464/metrics and pushed to the console}.
   */
  @Override
  public String banner() {
    String pushed = pushes.stream().map(Push::description).collect(Collectors.joining(" and "));
    return "A checkout service instrumented with the OpenTelemetry API only, recorded by Stria:"
        + (prometheus != null ? " metrics served at " + metricsUrl() + ";" : "")
        + " metrics sent to " + pushed;
  }

  /** Stops the service and the endpoint, then pushes one last time. */
  @Override
  public void close() {
    try {
      checkout.close();
      if (prometheus != null) {
        prometheus.close();
      }
    } finally {
      pushes.forEach(Push::close);
    }
  }
}
