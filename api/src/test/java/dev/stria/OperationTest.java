package dev.stria;

import static dev.stria.Snapshots.counterValue;
import static dev.stria.Snapshots.histogram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {
  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

  private static final Labels OK = Labels.of("route", "/orders", "status", "ok");
  private static final Labels ERROR = Labels.of("route", "/orders", "status", "error");

  @Test
  void aCallIsOkOnlyWhenMarkedOkAndNotMarkedError() {
    Operation.Series orders =
        registry.operation("checkout").labelNames("route").register().labels("/orders");

    try (Operation.Call call = orders.start()) {
      call.ok();
    }
    try (Operation.Call call = orders.start()) {
      // ended without ok(): as if the body had thrown
    }
    try (Operation.Call call = orders.start()) {
      call.error();
    }
    try (Operation.Call call = orders.start()) {
      call.error();
      call.ok();
    }

    List<MetricSnapshot> batch = reader.collect();
    assertThat(counterValue(batch, "checkout.calls", OK)).isEqualTo(1);
    assertThat(counterValue(batch, "checkout.calls", ERROR)).isEqualTo(3);
    assertThat(histogram(batch, "checkout.duration", OK).count()).isEqualTo(1);
    assertThat(histogram(batch, "checkout.duration", ERROR).count()).isEqualTo(3);
  }

  @Test
  void aBodyThatThrowsCountsAsErrorAndTheExceptionPropagates() {
    Operation checkout = registry.operation("checkout").labelNames("route").register();
    Operation.Series orders = checkout.labels("/orders");
    IllegalStateException thrown = new IllegalStateException("payment declined");
    IOException checked = new IOException("disk full");

    assertThatThrownBy(() -> {
      try (Operation.Call call = orders.start()) {
        if (thrown != null) {
          throw thrown;
        }
        call.ok();
      }
    }).isSameAs(thrown);
    assertThatThrownBy(() -> orders.run(() -> {
      throw thrown;
    })).isSameAs(thrown);
    assertThatThrownBy(() -> orders.call(() -> {
      throw thrown;
    })).isSameAs(thrown);
    assertThatThrownBy(() -> orders.callChecked(() -> {
      throw checked;
    })).isSameAs(checked);
    orders.run(() -> {});
    assertThat(orders.call(() -> 42)).isEqualTo(42);

    List<MetricSnapshot> batch = reader.collect();
    assertThat(counterValue(batch, "checkout.calls", ERROR)).isEqualTo(4);
    assertThat(counterValue(batch, "checkout.calls", OK)).isEqualTo(2);
    assertThat(counterValue(batch, "checkout.active", Labels.of("route", "/orders")))
        .isEqualTo(0);
  }

  @Test
  void activeCountsCallsInFlightAndReturnsToZero() {
    Operation jobs = registry.operation("jobs").register();
    Operation.Call first = jobs.start();
    Operation.Call second = jobs.start();
    assertThat(counterValue(reader.collect(), "jobs.active", Labels.empty())).isEqualTo(2);

    first.ok();
    first.close();
    second.close();
    second.close(); // a second close records nothing

    List<MetricSnapshot> batch = reader.collect();
    assertThat(counterValue(batch, "jobs.active", Labels.empty())).isEqualTo(0);
    assertThat(counterValue(batch, "jobs.calls", Labels.of("status", "ok"))).isEqualTo(1);
    assertThat(counterValue(batch, "jobs.calls", Labels.of("status", "error"))).isEqualTo(1);
    assertThat(Snapshots.named(batch, "jobs.active").type()).isEqualTo(MetricType.UP_DOWN_COUNTER);
  }

  @Test
  void striaNamesRecordTheDurationInSeconds() throws InterruptedException {
    Operation jobs = registry.operation("jobs").register();
    long outside = timedCall(jobs);

    HistogramPoint point = histogram(reader.collect(), "jobs.duration", Labels.of("status", "ok"));
    assertThat(Snapshots.named(reader.collect(), "jobs.duration").unit()).isEqualTo("s");
    assertThat(point.sum()).isBetween(0.020, outside / 1e9);
    assertThat(point.bounds()).containsExactly(
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
  }

  @Test
  void spanMetricsNamesRecordTheDurationInMilliseconds() throws InterruptedException {
    Operation checkout = registry.operation("checkout")
        .naming(Operation.Naming.SPANMETRICS).register();
    long outside = timedCall(checkout);

    List<MetricSnapshot> batch = reader.collect();
    Labels ok = Labels.of("span.name", "checkout", "status.code", "STATUS_CODE_OK");
    HistogramPoint point = histogram(batch, "traces.span.metrics.duration", ok);
    assertThat(Snapshots.named(batch, "traces.span.metrics.duration").unit()).isEqualTo("ms");
    assertThat(point.sum()).isBetween(20.0, outside / 1e6);
    assertThat(point.bounds()).containsExactly(
        2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10_000, 15_000);
    assertThat(counterValue(batch, "traces.span.metrics.calls", ok)).isEqualTo(1);
    assertThat(counterValue(batch, "traces.span.metrics.active",
        Labels.of("span.name", "checkout"))).isEqualTo(0);
  }

  /** One OK call of at least 20 ms; returns the nanoseconds measured around it. */
  private static long timedCall(Operation operation) throws InterruptedException {
    long before = System.nanoTime();
    try (Operation.Call call = operation.start()) {
      Thread.sleep(20);
      call.ok();
    }
    return System.nanoTime() - before;
  }

  @Test
  void operationsShareTheSpanMetricsNamesApartBySpanName() {
    Operation checkout = registry.operation("checkout")
        .naming(Operation.Naming.SPANMETRICS).labelNames("route").register();
    Operation payment = registry.operation("payment")
        .naming(Operation.Naming.SPANMETRICS).labelNames("route").register();
    checkout.labels("/orders").run(() -> {});
    payment.labels("/orders").start().close();

    List<MetricSnapshot> batch = reader.collect();
    assertThat(batch).extracting(MetricSnapshot::name).containsExactlyInAnyOrder(
        "traces.span.metrics.calls", "traces.span.metrics.duration",
        "traces.span.metrics.active");
    assertThat(counterValue(batch, "traces.span.metrics.calls", Labels.of("span.name",
        "checkout", "route", "/orders", "status.code", "STATUS_CODE_OK"))).isEqualTo(1);
    assertThat(counterValue(batch, "traces.span.metrics.calls", Labels.of("span.name",
        "payment", "route", "/orders", "status.code", "STATUS_CODE_ERROR"))).isEqualTo(1);
    // Both statuses of a label set exist from its first call: an error ratio is 0, not absent.
    assertThat(counterValue(batch, "traces.span.metrics.calls", Labels.of("span.name",
        "payment", "route", "/orders", "status.code", "STATUS_CODE_OK"))).isEqualTo(0);
    assertThat(Snapshots.named(batch, "traces.span.metrics.calls").points()).hasSize(4);
  }

  @Test
  void spanMetricsOperationsWithOtherLabelNamesAreRefusedNamingBoth() {
    registry.operation("checkout").naming(Operation.Naming.SPANMETRICS)
        .labelNames("route").register();

    assertThatThrownBy(() -> registry.operation("payment")
        .naming(Operation.Naming.SPANMETRICS).labelNames("method").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("traces.span.metrics.calls")
        .hasMessageContaining("[span.name, route, status.code]")
        .hasMessageContaining("[span.name, method, status.code]");
  }

  @Test
  void theSchemesOwnLabelNamesAreRefused() {
    assertThatThrownBy(() -> registry.operation("checkout").labelNames("status").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label name 'status' of operation 'checkout' is taken");
    assertThatThrownBy(() -> registry.operation("checkout")
        .naming(Operation.Naming.SPANMETRICS).labelNames("status_code").register())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'status_code'").hasMessageContaining("'status.code'");
    assertThatThrownBy(() -> registry.operation("checkout").labelNames("otel_metric_overflow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void durationBucketsAreSettableAndExponentialOptional() {
    Operation.Series fixed = registry.operation("fixed").buckets(0.1, 1).register().labels();
    Operation.Series spread = registry.operation("spread").exponential().register().labels();
    fixed.run(() -> {});
    spread.run(() -> {});

    List<MetricSnapshot> batch = reader.collect();
    assertThat(histogram(batch, "fixed.duration", Labels.of("status", "ok")).bucketCounts())
        .containsExactly(1, 0, 0);
    assertThat(Snapshots.named(batch, "spread.duration").type())
        .isEqualTo(MetricType.EXPONENTIAL_HISTOGRAM);
  }

  @Test
  void registeringAgainRecordsIntoTheSameSeries() {
    registry.operation("jobs").register().run(() -> {});
    registry.operation("jobs").register().run(() -> {});

    assertThat(counterValue(reader.collect(), "jobs.calls", Labels.of("status", "ok")))
        .isEqualTo(2);
  }

  @Test
  void labelSetsPastTheLimitAreRecordedIntoTheOverflowSeries() {
    Operation checkout =
        registry.operation("checkout").labelNames("route").cardinalityLimit(1).register();
    checkout.labels("/orders").run(() -> {});
    checkout.labels("/carts").run(() -> {});
    checkout.labels("/users").start().close();

    List<MetricSnapshot> batch = reader.collect();
    Labels overflow = Labels.of("otel_metric_overflow", "true");
    assertThat(counterValue(batch, "checkout.calls", OK)).isEqualTo(1);
    assertThat(counterValue(batch, "checkout.calls", overflow)).isEqualTo(2);
    assertThat(histogram(batch, "checkout.duration", overflow).count()).isEqualTo(2);
    assertThat(counterValue(batch, "checkout.active", overflow)).isEqualTo(0);
    assertThat(Snapshots.named(batch, "checkout.calls").points()).hasSize(3);
  }

  @Test
  void anOperationWithLabelNamesStartsCallsThroughLabels() {
    Operation checkout = registry.operation("checkout").labelNames("route").register();

    assertThatThrownBy(checkout::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("labels(...)");
    assertThatThrownBy(() -> checkout.labels()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[route]");
  }
}
