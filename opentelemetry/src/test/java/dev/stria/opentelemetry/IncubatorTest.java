package dev.stria.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.metrics.BoundDoubleCounter;
import io.opentelemetry.api.incubator.metrics.BoundDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.api.incubator.metrics.BoundLongHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongUpDownCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleGauge;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleGaugeBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogramBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleUpDownCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounterBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongGauge;
import io.opentelemetry.api.incubator.metrics.ExtendedLongHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedLongHistogramBuilder;
import io.opentelemetry.api.incubator.metrics.ExtendedLongUpDownCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedLongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With {@code opentelemetry-api-incubator} on the class path (the test class path has it):
 * attributes advice and bound instruments. {@code WithoutIncubatorTest} runs without it.
 */
class IncubatorTest {
  private static final AttributeKey<String> TIER = stringKey("tier");
  private static final AttributeKey<Long> REQUEST = longKey("request.id");
  private static final Attributes GOLD = Attributes.of(TIER, "gold");

  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
  private final Meter meter = StriaMeterProvider.create(registry).get("lib");

  @Test
  void attributesAdviceKeepsOnlyTheAdvisedKeysInOneSeries() {
    LongCounter counter = ((ExtendedLongCounterBuilder) meter.counterBuilder("orders"))
        .setAttributesAdvice(List.of(TIER)).build();
    for (long id = 0; id < Keys.MAX_REMEMBERED + 100; id++) {   // past the remembered objects too
      counter.add(1, Attributes.of(TIER, "gold", REQUEST, id));
    }
    counter.add(2, Attributes.of(REQUEST, 7L));

    MetricSnapshot orders = only("orders");
    assertThat(orders.points()).hasSize(2);
    assertThat(value(orders, "gold")).isEqualTo(Keys.MAX_REMEMBERED + 100.0);
    assertThat(orders.points()).filteredOn(p -> p.labels().isEmpty())
        .extracting(p -> ((CounterPoint) p).value()).containsExactly(2.0);
  }

  @Test
  void attributesAdviceAppliesToEveryKindAndToTheOtherValueType() {
    ((ExtendedLongCounterBuilder) meter.counterBuilder("revenue")).setAttributesAdvice(
        List.of(TIER)).ofDoubles().build().add(1.5, Attributes.of(TIER, "gold", REQUEST, 1L));
    ((ExtendedDoubleHistogramBuilder) meter.histogramBuilder("latency"))
        .setAttributesAdvice(List.of(TIER)).build()
        .record(0.5, Attributes.of(TIER, "gold", REQUEST, 2L));
    ((ExtendedLongHistogramBuilder) meter.histogramBuilder("sizes").ofLongs())
        .setAttributesAdvice(List.of()).build().record(5, Attributes.of(TIER, "gold"));
    ((ExtendedLongUpDownCounterBuilder) meter.upDownCounterBuilder("queued"))
        .setAttributesAdvice(List.of(TIER)).buildWithCallback(
            out -> out.record(3, Attributes.of(TIER, "gold", REQUEST, 3L)));

    for (String name : List.of("revenue", "latency", "queued")) {
      assertThat(only(name).points()).extracting(p -> p.labels().names())
          .as(name).containsExactly(List.of("tier"));
    }
    assertThat(only("sizes").points()).extracting(p -> p.labels().isEmpty()).containsExactly(true);
  }

  @Test
  void readmeSnippetRecordsOnlyTheAdvisedKeysThroughABoundCounter() throws Exception {
    // README: incubator
    LongCounter orders = ((ExtendedLongCounterBuilder) meter.counterBuilder("orders.processed"))
        .setAttributesAdvice(List.of(stringKey("tier"))).build();   // other keys are dropped
    BoundLongCounter gold = ((ExtendedLongCounter) orders).bind(Attributes.of(stringKey("tier"), "gold"));
    gold.add(1);                                                    // no lookup, nothing allocated
    // README: end
    orders.add(2, Attributes.of(stringKey("tier"), "gold", REQUEST, 9L));

    assertThat(only("orders.processed").points()).singleElement()
        .satisfies(p -> assertThat(p.labels().names()).containsExactly("tier"))
        .satisfies(p -> assertThat(value(p)).isEqualTo(3.0));
    String source = Files.readString(
        Path.of("src/test/java/dev/stria/opentelemetry/IncubatorTest.java"));
    Matcher block = Pattern.compile("// README: incubator\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(source);
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).stripIndent().indent(2);   // a list item's indentation
    assertThat(Files.readString(Path.of("..", "README.md")))
        .contains("  ```java\n" + snippet + "  ```");
  }

  @Test
  void boundCounterRecordsIntoTheSeriesOfItsAttributes() {
    ExtendedLongCounter counter = (ExtendedLongCounter) meter.counterBuilder("jobs").build();
    BoundLongCounter bound = counter.bind(GOLD);
    bound.add(3);
    bound.add(-1);                 // dropped with a warning, as unbound
    counter.add(4, GOLD);

    assertThat(value(only("jobs"), "gold")).isEqualTo(7.0);
    assertThat(only("jobs").points()).hasSize(1);
  }

  @Test
  void boundHistogramGaugeAndUpDownCounterRecordIntoTheirSeries() {
    BoundDoubleHistogram latency =
        ((ExtendedDoubleHistogram) meter.histogramBuilder("latency").build()).bind(GOLD);
    latency.record(4);
    latency.record(-4);            // dropped
    latency.record(6);
    ((ExtendedDoubleGauge) meter.gaugeBuilder("temperature").build()).bind(GOLD).set(21.5);
    ExtendedDoubleUpDownCounter queued =
        (ExtendedDoubleUpDownCounter) meter.upDownCounterBuilder("queued").ofDoubles().build();
    queued.bind(GOLD).add(5.5);
    queued.bind(GOLD).add(-2);
    queued.bind(GOLD).add(Double.NaN); // dropped
    queued.bind(GOLD).add(Double.NEGATIVE_INFINITY); // dropped
    ((BoundLongUpDownCounter) queued.bind(GOLD)).add(1L << 40); // past the series' fast path
    ((BoundLongUpDownCounter) queued.bind(GOLD)).add(-(1L << 40));

    HistogramPoint histogram = (HistogramPoint) only("latency").points().get(0);
    assertThat(histogram.count()).isEqualTo(2);
    assertThat(histogram.sum()).isEqualTo(10.0);
    assertThat(histogram.labels().get("tier")).isEqualTo("gold");
    assertThat(((GaugePoint) only("temperature").points().get(0)).value()).isEqualTo(21.5);
    assertThat(value(only("queued"), "gold")).isEqualTo(3.5);
  }

  /** Each bound instrument is its attribute set's series itself, as counters' and histograms'. */
  @Test
  void boundGaugesAndUpDownCountersAreTheirSeries() {
    ExtendedDoubleGauge temperature =
        (ExtendedDoubleGauge) meter.gaugeBuilder("room.temperature").build();
    ExtendedLongUpDownCounter open =
        (ExtendedLongUpDownCounter) meter.upDownCounterBuilder("connections.open").build();

    assertThat(temperature.bind(Attributes.of(TIER, "gold"))).isSameAs(temperature.bind(GOLD))
        .isInstanceOf(dev.stria.Gauge.Series.class);
    assertThat(open.bind(Attributes.of(TIER, "gold"))).isSameAs(open.bind(GOLD))
        .isInstanceOf(dev.stria.UpDownCounter.Series.class);
    ExtendedLongGauge lit = (ExtendedLongGauge) meter.gaugeBuilder("rooms.lit").ofLongs().build();
    lit.bind(GOLD).set(19);
    temperature.bind(GOLD).set(21.5);
    open.bind(GOLD).add(2);
    open.add(-1, GOLD);

    assertThat(((GaugePoint) only("rooms.lit").points().get(0)).value()).isEqualTo(19.0);
    assertThat(((GaugePoint) only("room.temperature").points().get(0)).value()).isEqualTo(21.5);
    assertThat(value(only("connections.open"), "gold")).isEqualTo(1.0);
  }

  /**
   * A bound histogram is its attribute set's series itself: binding again allocates nothing and
   * returns the same object, long and double recordings and unbound ones meet in one point.
   */
  @Test
  void aBoundHistogramIsItsSeriesSharedByEveryBindingOfItsAttributes() {
    ExtendedLongHistogram sizes =
        (ExtendedLongHistogram) meter.histogramBuilder("sizes").ofLongs().build();
    BoundLongHistogram first = sizes.bind(GOLD);
    BoundLongHistogram again = sizes.bind(Attributes.of(TIER, "gold")); // equal, not the same
    first.record(3);
    again.record(5);
    ((BoundDoubleHistogram) first).record(0.5);
    sizes.record(7, GOLD);
    sizes.bind(Attributes.of(TIER, "silver")).record(100);

    assertThat(again).isSameAs(first).isInstanceOf(dev.stria.Histogram.Series.class)
        .isNotSameAs(sizes.bind(Attributes.of(TIER, "silver")));
    HistogramPoint gold = only("sizes").points().stream().map(HistogramPoint.class::cast)
        .filter(p -> "gold".equals(p.labels().get("tier"))).findFirst().orElseThrow();
    assertThat(gold.count()).isEqualTo(4);
    assertThat(gold.sum()).isEqualTo(15.5);
    assertThat(gold.max()).isEqualTo(7);
  }

  /**
   * A bound counter is its attribute set's series itself, as a bound histogram is; an invalid
   * increment through it is dropped (the series' {@code rejected} hook), not thrown, and the
   * series goes on counting.
   */
  @Test
  void aBoundCounterIsItsSeriesSharedByEveryBindingOfItsAttributes() {
    ExtendedLongCounter orders = (ExtendedLongCounter) meter.counterBuilder("orders.bound").build();
    BoundLongCounter first = orders.bind(GOLD);
    BoundLongCounter again = orders.bind(Attributes.of(TIER, "gold")); // equal, not the same
    first.add(3);
    again.add(-4); // dropped with a warning
    ((BoundDoubleCounter) again).add(Double.NaN);
    ((BoundDoubleCounter) first).add(2.0);
    orders.add(7, GOLD);
    orders.bind(Attributes.of(TIER, "silver")).add(100);

    assertThat(again).isSameAs(first).isInstanceOf(dev.stria.Counter.Series.class)
        .isNotSameAs(orders.bind(Attributes.of(TIER, "silver")));
    assertThat(value(only("orders.bound"), "gold")).isEqualTo(12.0);
    assertThat(value(only("orders.bound"), "silver")).isEqualTo(100.0);
  }

  @Test
  void buildersAndInstrumentsAreTheIncubatorsOnesOfEveryKind() {
    assertThat(meter.gaugeBuilder("g")).isInstanceOf(ExtendedDoubleGaugeBuilder.class);
    assertThat(meter.gaugeBuilder("g").ofLongs().build())
        .isInstanceOf(io.opentelemetry.api.incubator.metrics.ExtendedLongGauge.class);
    assertThat(meter.upDownCounterBuilder("u").build())
        .isInstanceOf(io.opentelemetry.api.incubator.metrics.ExtendedLongUpDownCounter.class);
    assertThat(meter.histogramBuilder("h").ofLongs().build())
        .isInstanceOf(io.opentelemetry.api.incubator.metrics.ExtendedLongHistogram.class);
    assertThat(meter.counterBuilder("c").ofDoubles().build())
        .isInstanceOf(io.opentelemetry.api.incubator.metrics.ExtendedDoubleCounter.class);
  }

  private MetricSnapshot only(String name) {
    List<MetricSnapshot> found = reader.collect().stream()
        .filter(m -> m.name().equals(name)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static double value(MetricSnapshot metric, String tier) {
    return metric.points().stream().filter(p -> tier.equals(p.labels().get("tier")))
        .mapToDouble(IncubatorTest::value).sum();
  }

  private static double value(PointSnapshot point) {
    return point instanceof CounterPoint c ? c.value() : ((GaugePoint) point).value();
  }
}
