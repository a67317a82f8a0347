package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import org.junit.jupiter.api.Test;

class GaugeAndUpDownCounterTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void gaugeReportsItsCurrentValueToDeltaAndCumulativeReaders() {
    Gauge inflight = registry.gauge("inflight").register();
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    inflight.set(7);
    inflight.inc();
    inflight.dec();
    inflight.dec();
    inflight.add(0.5);

    assertThat(Snapshots.gaugeValue(delta.collect(), "inflight", Labels.empty())).isEqualTo(6.5);
    assertThat(Snapshots.gaugeValue(delta.collect(), "inflight", Labels.empty())).isEqualTo(6.5);
    assertThat(Snapshots.gaugeValue(cumulative.collect(), "inflight", Labels.empty()))
        .isEqualTo(6.5);
    assertThat(Snapshots.named(cumulative.collect(), "inflight").type())
        .isEqualTo(MetricType.GAUGE);
  }

  @Test
  void callbackGaugeIsReadAtCollection() {
    double[] value = {1};
    registry.gauge("heap").unit("By").callback(() -> value[0]);
    MetricReader reader = registry.newReader(Temporality.DELTA);
    assertThat(Snapshots.gaugeValue(reader.collect(), "heap", Labels.empty())).isEqualTo(1.0);
    value[0] = 42;
    assertThat(Snapshots.gaugeValue(reader.collect(), "heap", Labels.empty())).isEqualTo(42.0);
  }

  @Test
  void upDownCounterReportsSumsThatGoDown() {
    UpDownCounter queued = registry.upDownCounter("queued").labelNames("queue").register();
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    Labels q = Labels.of("queue", "q1");
    queued.labels("q1").add(5);
    queued.labels("q1").dec();
    assertThat(Snapshots.counterValue(delta.collect(), "queued", q)).isEqualTo(4.0);
    queued.labels("q1").add(-3);
    assertThat(Snapshots.counterValue(delta.collect(), "queued", q)).isEqualTo(-3.0);
    assertThat(Snapshots.counterValue(cumulative.collect(), "queued", q)).isEqualTo(1.0);
    assertThat(Snapshots.named(cumulative.collect(), "queued").type())
        .isEqualTo(MetricType.UP_DOWN_COUNTER);
  }

  @Test
  void upDownCounterRejectsNonFiniteAmounts() {
    UpDownCounter c = registry.upDownCounter("c").register();
    assertThatThrownBy(() -> c.add(Double.NaN)).hasMessageContaining("cannot add NaN");
    assertThatThrownBy(() -> c.add(Double.NEGATIVE_INFINITY)).hasMessageContaining("finite");
  }
}
