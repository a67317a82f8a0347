package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A bridge's own histogram series (the OpenTelemetry bridge's bound histogram is its series):
 * every series of the keyed instrument is of the bridge's class, the overflow series too, and
 * records and exports as Stria's own; the subclass cannot change how a series records.
 */
class HistogramSeriesSubclassTest {
  private static final Labels OVERFLOW = Labels.of("overflow", "true");

  /** A bridge's series: one method of its own API on top of the series. */
  static final class BridgeSeries extends Histogram.Series {
    BridgeSeries(Histogram.SeriesSetup setup) {
      super(setup);
    }

    void recordTwice(double value) {
      observe(value);
      observe(value);
    }
  }

  @Test
  void everySeriesIsTheBridgesClassAndRecordsAsStriasOwn() {
    MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(2).build();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    KeyedInstrument<String, BridgeSeries> latency =
        ScopedInstruments.of(registry, new InstrumentationScope("bridge", ""))
            .histogram("latency", "", "s", new double[] {0.1, 1}, OVERFLOW,
                key -> Labels.of("route", key), BridgeSeries::new);

    latency.series("a").recordTwice(0.05);
    latency.series("b").observe(0.5);
    latency.series("c").recordTwice(5); // past the limit of two series: the overflow series

    assertThat(latency.series("c")).isInstanceOf(BridgeSeries.class)
        .isSameAs(latency.series("d")).isNotSameAs(latency.series("a"));
    List<MetricSnapshot> batch = reader.collect();
    HistogramPoint a = Snapshots.histogram(batch, "latency", Labels.of("route", "a"));
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.bucketCounts()).containsExactly(2, 0, 0);
    assertThat(a.sum()).isEqualTo(0.1);
    assertThat(Snapshots.histogram(batch, "latency", Labels.of("route", "b")).bucketCounts())
        .containsExactly(0, 1, 0);
    HistogramPoint overflow = Snapshots.histogram(batch, "latency", OVERFLOW);
    assertThat(overflow.bucketCounts()).containsExactly(0, 0, 2);
    assertThat(overflow.max()).isEqualTo(5);
  }

  /**
   * The class is open only so that a bridge can add methods: were one of its methods not final,
   * a subclass could override it, and Stria's own call sites of that method would dispatch.
   */
  @Test
  void everyMethodASubclassCouldOverrideIsFinal() {
    List<String> overridable = Arrays.stream(Histogram.Series.class.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !Modifier.isPrivate(m.getModifiers()))
        .filter(m -> !Modifier.isFinal(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toList());

    assertThat(overridable).isEmpty();
    assertThat(Histogram.Series.class.getDeclaredMethods()).extracting(Method::getName)
        .contains("observe", "startTimer", "slotOf"); // the filter above looked at them
  }

  @Test
  void aMissingFactoryOrAFactoryReturningNullIsNamed() {
    ScopedInstruments scoped =
        ScopedInstruments.of(new MeterRegistry(), new InstrumentationScope("bridge", ""));
    assertThatThrownBy(() -> scoped.histogram("latency", "", "s", new double[] {1}, OVERFLOW,
        (String key) -> Labels.of("route", key), (java.util.function.Function<Histogram.SeriesSetup,
            BridgeSeries>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'latency' needs a series factory");

    KeyedInstrument<String, BridgeSeries> broken = scoped.histogram("broken", "", "s",
        new double[] {1}, OVERFLOW, key -> Labels.of("route", key), setup -> null);
    assertThatThrownBy(() -> broken.series("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("series factory of histogram 'broken' returned null");
  }

  @Test
  void aSeriesWithoutTheRegistrysSetupIsRefusedWithTheRule() {
    assertThatThrownBy(() -> new BridgeSeries(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setup its registry gives the series factory");
  }
}
