package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service mode in-process on a free port, scraped over HTTP. */
class ServiceScenarioTest {

  /** Starts the service and waits (without a time limit of its own) until it handled requests. */
  static ServiceScenario startedService() throws InterruptedException {
    ServiceScenario service = ServiceScenario.start(new MeterRegistry(), "127.0.0.1", 0);
    while (service.handled() < 20) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return service;
  }

  @Test
  void metricsEndpointServesTheRedFamilies() throws Exception {
    try (ServiceScenario service = startedService()) {
      String exposition = Scrape.text(service.metricsUrl());

      assertThat(exposition)
          .contains("# TYPE http_server_requests_total counter")
          .contains("# TYPE http_server_request_duration_seconds histogram")
          .contains("# TYPE http_server_active_requests gauge")
          .contains("# TYPE jvm_memory_used_bytes gauge")
          .contains("# TYPE jvm_thread_count gauge")
          .contains("# TYPE jvm_cpu_time_seconds_total counter");
      assertThat(Scrape.sampleNames(exposition)).contains(
          "http_server_requests_total",
          "http_server_request_duration_seconds_bucket",
          "http_server_request_duration_seconds_count",
          "http_server_request_duration_seconds_sum",
          "http_server_active_requests",
          "jvm_memory_used_bytes");
    }
  }

  @Test
  void requestsAreCountedByRouteMethodAndStatus() throws Exception {
    try (ServiceScenario service = startedService()) {
      String exposition = Scrape.text(service.metricsUrl());

      assertThat(exposition).containsPattern("http_server_requests_total\\{[^}]*"
          + "method=\"GET\"[^}]*route=\"/api/orders\"[^}]*status=\"200\"[^}]*} [1-9]");
      assertThat(exposition).containsPattern("http_server_requests_total\\{[^}]*"
          + "method=\"POST\"[^}]*route=\"/api/orders\"[^}]*status=\"500\"");
    }
  }

  @Test
  void durationHistogramHasTheExplicitBuckets() throws Exception {
    try (ServiceScenario service = startedService()) {
      String exposition = Scrape.text(service.metricsUrl());

      for (double bound : SimulatedService.DURATION_BUCKETS) {
        assertThat(exposition).containsPattern(
            "http_server_request_duration_seconds_bucket\\{[^}]*le=\"" + bound + "\"");
      }
      assertThat(exposition).contains("le=\"+Inf\"");
    }
  }

  @Test
  void urlNamesTheBoundAddress() {
    try (ServiceScenario service = ServiceScenario.start(new MeterRegistry(), "127.0.0.1", 0)) {
      assertThat(service.metricsUrl())
          .isEqualTo("http://127.0.0.1:" + service.port() + "/metrics");
      assertThat(service.port()).isPositive();
    }
  }
}
