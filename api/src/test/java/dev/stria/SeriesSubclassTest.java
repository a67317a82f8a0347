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
 * A bridge's own series (the OpenTelemetry bridge's bound instruments are their series): every
 * series of the keyed instrument is of the bridge's class, the overflow series too, and records
 * and exports as Stria's own; the subclass cannot change how a series records, only what an
 * invalid counter or up-down counter increment does.
 */
class SeriesSubclassTest {
  private static final Labels OVERFLOW = Labels.of("overflow", "true");

  /** A bridge's counter series whose API drops invalid increments: it counts them instead. */
  static final class DroppingSeries extends Counter.Series {
    final java.util.List<Double> rejected = new java.util.ArrayList<>();

    DroppingSeries(SeriesSetup setup) {
      super(setup);
    }

    @Override
    protected void rejected(double amount) {
      rejected.add(amount);
    }
  }

  /** A bridge's series: one method of its own API on top of the series. */
  static final class BridgeSeries extends Histogram.Series {
    BridgeSeries(SeriesSetup setup) {
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

  @Test
  void everyCounterSeriesIsTheBridgesClassAndAnInvalidIncrementGoesToItsHookOnly() {
    MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(2).build();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    KeyedInstrument<String, DroppingSeries> orders =
        ScopedInstruments.of(registry, new InstrumentationScope("bridge", ""))
            .counter("orders", "", "1", true, OVERFLOW, key -> Labels.of("tier", key),
                DroppingSeries::new);

    DroppingSeries gold = orders.series("gold");
    gold.add(3);
    gold.add(-1);
    gold.add(Long.MIN_VALUE);
    gold.add(1L << 40); // valid, past the fast path
    gold.add(0.5);
    gold.add(Double.NaN);
    gold.add(Double.NEGATIVE_INFINITY);
    gold.add(Double.POSITIVE_INFINITY);
    gold.addWithExemplar(-2, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
    gold.inc();
    orders.series("silver").inc();
    orders.series("bronze").add(5); // past the limit of two series: the overflow series

    assertThat(orders.series("bronze")).isInstanceOf(DroppingSeries.class)
        .isSameAs(orders.series("iron")).isNotSameAs(gold);
    assertThat(gold.rejected).containsExactly(-1.0, (double) Long.MIN_VALUE, Double.NaN,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -2.0);
    List<MetricSnapshot> batch = reader.collect();
    assertThat(Snapshots.counterValue(batch, "orders", Labels.of("tier", "gold")))
        .isEqualTo(3 + (double) (1L << 40) + 0.5 + 1);
    assertThat(Snapshots.counterValue(batch, "orders", OVERFLOW)).isEqualTo(5.0);
  }

  /** A bridge's up-down counter series whose API drops NaN and infinities: it counts them. */
  static final class DroppingUpDownSeries extends UpDownCounter.Series {
    final java.util.List<Double> rejected = new java.util.ArrayList<>();

    DroppingUpDownSeries(SeriesSetup setup) {
      super(setup);
    }

    @Override
    protected void rejected(double amount) {
      rejected.add(amount);
    }
  }

  /** A bridge's gauge series with one method of its own API. */
  static final class BridgeGaugeSeries extends Gauge.Series {
    BridgeGaugeSeries(SeriesSetup setup) {
      super(setup);
    }

    void setLong(long value) {
      set((double) value);
    }
  }

  @Test
  void upDownCounterAndGaugeSeriesAreTheBridgesClassesAndRecordAsStriasOwn() {
    MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(1).build();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    ScopedInstruments scoped = ScopedInstruments.of(registry, new InstrumentationScope("b", ""));
    KeyedInstrument<String, DroppingUpDownSeries> open = scoped.upDownCounter("open", "", "1",
        true, OVERFLOW, key -> Labels.of("pool", key), DroppingUpDownSeries::new);
    KeyedInstrument<String, BridgeGaugeSeries> level = scoped.gauge("level", "", "1", true,
        OVERFLOW, key -> Labels.of("tank", key), BridgeGaugeSeries::new);

    DroppingUpDownSeries main = open.series("main");
    main.add(5);
    main.add(-7.5);
    main.add(Double.NaN);
    main.add(Double.POSITIVE_INFINITY);
    main.dec();
    open.series("spare").add(2); // past the limit of one series: the overflow series
    level.series("a").setLong(3);
    level.series("b").set(4.5); // overflow

    assertThat(open.series("spare")).isInstanceOf(DroppingUpDownSeries.class).isNotSameAs(main);
    assertThat(level.series("b")).isInstanceOf(BridgeGaugeSeries.class);
    assertThat(main.rejected).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
    List<MetricSnapshot> batch = reader.collect();
    assertThat(Snapshots.counterValue(batch, "open", Labels.of("pool", "main"))).isEqualTo(-3.5);
    assertThat(Snapshots.counterValue(batch, "open", OVERFLOW)).isEqualTo(2.0);
    assertThat(Snapshots.gaugeValue(batch, "level", Labels.of("tank", "a"))).isEqualTo(3.0);
    assertThat(Snapshots.gaugeValue(batch, "level", OVERFLOW)).isEqualTo(4.5);
  }

  @Test
  void aSetupIsRefusedByAnotherKindOfSeriesNamingBoth() {
    SeriesSetup[] kept = new SeriesSetup[1];
    ScopedInstruments.of(new MeterRegistry(), new InstrumentationScope("bridge", ""))
        .counter("orders", "", "1", true, OVERFLOW, (String key) -> Labels.of("tier", key),
            setup -> {
              kept[0] = setup;
              return new DroppingSeries(setup);
            })
        .series("gold");

    assertThatThrownBy(() -> new BridgeSeries(kept[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a histogram series cannot be made from the setup of counter"
            + " 'orders'");
    assertThatThrownBy(() -> new BridgeGaugeSeries(kept[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a gauge series cannot be made");
  }

  @Test
  void striasOwnCounterSeriesStillThrowOnAnInvalidIncrementNamingIt() {
    Counter.Series series = new MeterRegistry().counter("jobs").register().labels();
    assertThatThrownBy(() -> series.add(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter 'jobs' cannot add -3.0");
    assertThatThrownBy(() -> series.addWithExemplar(Double.NaN,
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot add NaN");
  }

  /**
   * The classes are open only so that a bridge can add methods: were one of their methods not
   * final, a subclass could override it, and Stria's own call sites of that method would
   * dispatch. The one exception is the counter's rejected-increment hook, called only on that
   * rare path.
   */
  @Test
  void everyMethodASubclassCouldOverrideIsFinal() {
    assertThat(overridable(Histogram.Series.class)).isEmpty();
    assertThat(overridable(Gauge.Series.class)).isEmpty();
    assertThat(overridable(Counter.Series.class)).containsExactly("rejected");
    assertThat(overridable(UpDownCounter.Series.class)).containsExactly("rejected");
    assertThat(Histogram.Series.class.getDeclaredMethods()).extracting(Method::getName)
        .contains("observe", "startTimer", "slotOf"); // the filter looked at them
    assertThat(Counter.Series.class.getDeclaredMethods()).extracting(Method::getName)
        .contains("add", "inc", "labels", "slotOf");
    assertThat(Gauge.Series.class.getDeclaredMethods()).extracting(Method::getName)
        .contains("set", "add", "get");
  }

  private static List<String> overridable(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !Modifier.isPrivate(m.getModifiers()))
        .filter(m -> !Modifier.isFinal(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toList());
  }

  @Test
  void aMissingFactoryOrAFactoryReturningNullIsNamed() {
    ScopedInstruments scoped =
        ScopedInstruments.of(new MeterRegistry(), new InstrumentationScope("bridge", ""));
    assertThatThrownBy(() -> scoped.histogram("latency", "", "s", new double[] {1}, OVERFLOW,
        (String key) -> Labels.of("route", key), (java.util.function.Function<SeriesSetup,
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
  void aCounterFactoryMissingOrReturningNullIsNamed() {
    ScopedInstruments scoped =
        ScopedInstruments.of(new MeterRegistry(), new InstrumentationScope("bridge", ""));
    assertThatThrownBy(() -> scoped.counter("orders", "", "1", true, OVERFLOW,
        (String key) -> Labels.of("tier", key),
        (java.util.function.Function<SeriesSetup, DroppingSeries>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter 'orders' needs a series factory");

    KeyedInstrument<String, DroppingSeries> broken = scoped.counter("broken", "", "1", true,
        OVERFLOW, key -> Labels.of("tier", key), setup -> null);
    assertThatThrownBy(() -> broken.series("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("series factory of counter 'broken' returned null");
  }

  @Test
  void aSeriesWithoutTheRegistrysSetupIsRefusedWithTheRule() {
    assertThatThrownBy(() -> new BridgeSeries(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a histogram series needs the setup its registry gives");
    assertThatThrownBy(() -> new DroppingSeries(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a counter series needs the setup its registry gives");
    assertThatThrownBy(() -> new DroppingUpDownSeries(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an up-down counter series needs");
  }
}
