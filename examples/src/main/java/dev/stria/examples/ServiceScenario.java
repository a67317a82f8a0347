package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.prometheus.PrometheusExporter;

/**
 * The {@code service} mode: the {@link SimulatedService} under load, its registry served for
 * Prometheus at {@code http://host:port/metrics} until closed (or not served, when {@link
 * DemoExporters} leaves Prometheus out).
 *
 * <pre>{@code
 * try (ServiceScenario service = ServiceScenario.start(new MeterRegistry(), "127.0.0.1", 0)) {
 *   URI metrics = URI.create(service.metricsUrl());   // scrape it
 * }
 * }</pre>
 */
final class ServiceScenario implements RunningScenario {
  static final int WORKERS = 3;

  private final SimulatedService service;
  private final PrometheusExporter exporter;   // null when not served
  private final String host;

  private ServiceScenario(SimulatedService service, PrometheusExporter exporter, String host) {
    this.service = service;
    this.exporter = exporter;
    this.host = host;
  }

  /**
   * Starts the load and the endpoint; port 0 picks a free port.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  static ServiceScenario start(MeterRegistry registry, String host, int port) {
    SimulatedService service = new SimulatedService(registry, WORKERS);
    try {
      PrometheusExporter exporter = PrometheusExporter.builder()
          .registry(registry).host(host).port(port).start();
      return new ServiceScenario(service, exporter, host);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /** The load alone, its metrics not served. */
  static ServiceScenario unserved(MeterRegistry registry) {
    return new ServiceScenario(new SimulatedService(registry, WORKERS), null, null);
  }

  /** Whether the metrics are served (not for {@link #unserved}). */
  boolean served() {
    return exporter != null;
  }

  /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:9464/metrics}; only when served. */
  String metricsUrl() {
    String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;   // an IPv6 literal
    return "http://" + authority + ":" + exporter.port() + "/metrics";
  }

  @Override
  public String banner() {
    return served() ? "Serving a simulated web service's metrics at " + metricsUrl()
        : "Running a simulated web service";
  }

  int port() {
    return exporter.port();
  }

  long handled() {
    return service.handled();
  }

  /** Stops the load first, then the endpoint. */
  @Override
  public void close() {
    service.close();
    if (exporter != null) {
      exporter.close();
    }
  }
}
