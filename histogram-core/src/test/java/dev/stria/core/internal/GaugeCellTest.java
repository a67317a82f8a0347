package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaugeCellTest {

  @Test
  void setReplacesAndAddMoves() {
    GaugeCell gauge = new GaugeCell();
    assertThat(gauge.get()).isZero();
    gauge.set(7);
    gauge.add(1);
    gauge.add(-3);
    assertThat(gauge.get()).isEqualTo(5.0);
    gauge.set(-1.5);
    assertThat(gauge.get()).isEqualTo(-1.5);
  }

  @Test
  void concurrentAddsAreAllKept() throws Exception {
    GaugeCell gauge = new GaugeCell();
    int overlapping = StressRun.run(
        4,
        t -> {
          for (int i = 0; i < 100_000; i++) {
            if (i == 100_000 / 2) {
              StressRun.midpoint();
            }
            gauge.add(1);
            gauge.add(-1);
            gauge.add(1);
          }
        },
        gauge::get);
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    assertThat(gauge.get()).isEqualTo(400_000.0);
  }
}
