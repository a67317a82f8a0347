package dev.stria.examples;

import dev.stria.MeterRegistry;
import java.io.PrintStream;

/**
 * The {@code both} mode: one registry, instrumented once, served to Prometheus and pushed with
 * OTLP (or to the console) at the same time. Each exporter has its own reader, so the scrape's
 * cumulative totals and the push's deltas are both exact.
 */
final class BothScenario implements RunningScenario {
  private final ServiceScenario service;
  private final Push push;

  private BothScenario(ServiceScenario service, Push push) {
    this.service = service;
    this.push = push;
  }

  static BothScenario start(String host, int port, PushTarget target, Settings settings,
      PrintStream out) {
    MeterRegistry registry = DemoRegistry.create();
    ServiceScenario service = ServiceScenario.start(registry, host, port);
    try {
      return new BothScenario(service, Push.start(target, registry, settings, out));
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  String metricsUrl() {
    return service.metricsUrl();
  }

  @Override
  public String banner() {
    return "Serving metrics at " + metricsUrl() + " and pushing them to " + push.description();
  }

  /** Stops the load and the endpoint, then pushes one last time. */
  @Override
  public void close() {
    try {
      service.close();
    } finally {
      push.close();
    }
  }
}
