package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mistakes a scrape would punish are refused when the second party registers. */
class RegistrationRulesTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void histogramLabelLeIsRefused() {
    assertThatThrownBy(() -> registry.histogram("latency").labelNames("route", "le").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label name 'le' of histogram 'latency' is reserved")
        .hasMessageContaining("bucket's upper bound");
    registry.counter("requests").labelNames("le").register(); // a counter may have one
  }

  @Test
  void scopeLabelsAreRefusedOnEveryInstrument() {
    for (String label : new String[] {"otel_scope_name", "otel_scope_version", "otel.scope.x"}) {
      assertThatThrownBy(() -> registry.gauge("g").labelNames(label))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("label name '" + label + "' of 'g' is reserved")
          .hasMessageContaining("otel_scope_*");
    }
  }

  @Test
  void namesThatDifferOnlyInCaseAreRefusedNamingBoth() {
    registry.counter("jobs").register();
    assertThatThrownBy(() -> registry.counter("Jobs").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot register counter 'Jobs'")
        .hasMessageContaining("collides with counter 'jobs'")
        .hasMessageContaining("case-insensitively");
  }

  @Test
  void namesThatBecomeOnePrometheusNameAreRefusedNamingBoth() {
    registry.counter("http.requests").register();
    assertThatThrownBy(() -> registry.counter("http_requests").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot register counter 'http_requests'")
        .hasMessageContaining("collides with counter 'http.requests'")
        .hasMessageContaining("Prometheus sample name 'http_requests'");
  }

  @Test
  void counterAndGaugeNamedWithItsTotalSuffixAreRefused() {
    registry.counter("orders").register();
    assertThatThrownBy(() -> registry.gauge("orders_total").register())
        .hasMessageContaining("cannot register gauge 'orders_total'")
        .hasMessageContaining("collides with counter 'orders'")
        .hasMessageContaining("'orders_total'");
    assertThatThrownBy(() -> registry.gauge("orders.total").callback(() -> 1))
        .hasMessageContaining("collides with counter 'orders'");
  }

  @Test
  void histogramSampleNamesAreClaimedToo() {
    registry.histogram("latency").register();
    assertThatThrownBy(() -> registry.counter("latency.count").register())
        .hasMessageContaining("'latency_count'");
  }

  @Test
  void namesFreedByAClosedCallbackCanBeRegisteredAgain() {
    Registration first = registry.gauge("pool.size").callback(() -> 1);
    first.close();
    Registration again = registry.gauge("pool_size").callback(() -> 2);
    again.close();
  }

  @Test
  void distinctNamesStayAccepted() {
    registry.counter("http.server.requests").register();
    registry.counter("http.client.requests").register();
    registry.gauge("orders.open").register();
    assertThat(registry.counter("http.server.requests").register()).isNotNull();
  }

  @Test
  void identicalCallbackRegisteredTwiceSaysWhyWithoutContradiction() {
    registry.gauge("heap").unit("By").callback(() -> 1);
    assertThatThrownBy(() -> registry.gauge("heap").unit("By").callback(() -> 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callback gauge 'heap' (unit 'By'")
        .hasMessageContaining("is already registered: a callback instrument is registered once")
        .hasMessageContaining("close its Registration")
        .hasMessageNotContaining("identical settings");
  }
}
