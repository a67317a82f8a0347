package dev.stria.examples;

import dev.stria.MeterRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code service} and {@code both} modes: the simulated service with the exporters {@link
 * DemoExporters} chose, from one registry instrumented once: served to Prometheus, pushed with
 * OTLP or to the console, any of them or none. Each exporter has its own reader, so the scrape's
 * cumulative totals and the push's deltas are both exact.
 */
final class ExportedService implements RunningScenario {
  private final ServiceScenario service;
  private final List<Push> pushes;
  private final boolean pushing;   // false: pushes holds the one that pushes nowhere

  private ExportedService(ServiceScenario service, List<Push> pushes, boolean pushing) {
    this.service = service;
    this.pushes = pushes;
    this.pushing = pushing;
  }

  /**
   * Starts the load, the endpoint at {@code host}:{@code port} when served, and the pushes.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   * @throws IllegalArgumentException when an {@code OTEL_*} setting is malformed
   */
  static ExportedService start(String host, int port, DemoExporters exporters, Settings settings,
      PrintStream out) {
    MeterRegistry registry = DemoRegistry.create();
    ServiceScenario service = exporters.serve() ? ServiceScenario.start(registry, host, port)
        : ServiceScenario.unserved(registry);
    try {
      return new ExportedService(service, Push.startAll(exporters, registry, settings, out),
          !exporters.pushes().isEmpty());
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  String metricsUrl() {
    return service.metricsUrl();
  }

  /**
   * What runs, e.g. {@code Serving a simulated web service's metrics at
   * http://127.0.0.1:9464/metrics and pushing them to the console}.
   */
  @Override
  public String banner() {
    String destinations = pushes.stream().map(Push::description)
        .collect(Collectors.joining(" and "));
    if (!service.served()) {
      return service.banner() + (pushing ? ", its metrics pushed to " : ", its metrics sent ")
          + destinations;
    }
    return pushing ? service.banner() + " and pushing them to " + destinations : service.banner();
  }

  /** Stops the load and the endpoint, then pushes one last time. */
  @Override
  public void close() {
    try {
      service.close();
    } finally {
      pushes.forEach(Push::close);
    }
  }
}
