package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.Temporality;
import org.junit.jupiter.api.Test;

/** Totals never wrap, and increments that would poison them are refused. */
class CounterTotalsTest {
  private static final double TWO_TO_63 = 0x1p63;

  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
  private final MetricReader delta = registry.newReader(Temporality.DELTA);

  private double total(MetricReader reader, String name) {
    return Snapshots.counterValue(reader.collect(), name, Labels.empty());
  }

  @Test
  void counterTotalPastLongMaxValueGoesOnAsADoubleInsteadOfWrapping() {
    Counter c = registry.counter("c").register();
    c.add(Long.MAX_VALUE);
    c.inc();
    assertThat(total(cumulative, "c")).isEqualTo(TWO_TO_63);
    c.add(Long.MAX_VALUE);
    assertThat(total(cumulative, "c")).isEqualTo(2 * TWO_TO_63);
    assertThat(total(delta, "c")).isEqualTo(2 * TWO_TO_63);
  }

  @Test
  void totalsCarriedAcrossCollectionsNeverWrap() {
    Counter c = registry.counter("c").register();
    double previous = 0;
    for (int i = 0; i < 4; i++) {
      c.add(Long.MAX_VALUE / 2); // exact in each drain, past Long.MAX_VALUE in the total
      c.add(1.0);
      double now = total(cumulative, "c");
      assertThat(now).isGreaterThan(previous);
      previous = now;
    }
    assertThat(previous).isEqualTo(4 * (double) (Long.MAX_VALUE / 2) + 4);
  }

  @Test
  void largeWholeIncrementsFromManyCollectionsStayExactWhereADoubleCan() {
    Counter c = registry.counter("c").register();
    long large = (1L << 50) + 3; // a double slot holds it exactly
    c.add(large);
    c.add((double) large);
    c.add(5);
    assertThat(total(cumulative, "c")).isEqualTo(2.0 * large + 5);
  }

  @Test
  void upDownCounterPastTheLongRangeGoesOnAsADouble() {
    UpDownCounter u = registry.upDownCounter("u").register();
    u.add(Long.MAX_VALUE);
    u.add(Long.MAX_VALUE);
    u.add(-1L);
    assertThat(total(cumulative, "u")).isEqualTo(2 * TWO_TO_63);
    u.add(Long.MIN_VALUE);
    u.add(Long.MIN_VALUE);
    // The large amounts went in as doubles (Long.MAX_VALUE as 2^63) and cancel; the -1 stayed exact.
    assertThat(total(cumulative, "u")).isEqualTo(-1.0);
  }

  @Test
  void infiniteIncrementsAreRefusedLikeNaN() {
    Counter c = registry.counter("requests").register();
    assertThatThrownBy(() -> c.add(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter 'requests' cannot add Infinity")
        .hasMessageContaining("finite non-negative numbers");
    assertThatThrownBy(() -> c.add(Double.NaN)).hasMessageContaining("cannot add NaN");
    c.inc();
    assertThat(total(cumulative, "requests")).isEqualTo(1.0);
  }

  @Test
  void upDownCounterNonFiniteErrorNamesTheInstrument() {
    UpDownCounter u = registry.upDownCounter("queue.depth").labelNames("queue").register();
    assertThatThrownBy(() -> u.labels("q1").add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("up-down counter 'queue.depth' cannot add NaN")
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> u.labels("q1").add(Double.POSITIVE_INFINITY))
        .hasMessageContaining("cannot add Infinity");
  }
}
