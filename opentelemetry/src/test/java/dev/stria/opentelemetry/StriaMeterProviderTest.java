package dev.stria.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.LabelType;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.context.Context;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge's identity and error rules, seen through a Stria reader. */
class StriaMeterProviderTest {
  private final MeterRegistry registry = MeterRegistry.builder().cardinalityLimit(3).build();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
  private final StriaMeterProvider provider = StriaMeterProvider.create(registry);
  private final Meter meter = provider.meterBuilder("lib").setInstrumentationVersion("2.0").build();

  @Test
  void sameNameInAnyCaseAndSameKindIsTheSameInstrument() {
    LongCounter first = meter.counterBuilder("jobs.done").build();
    LongCounter second = meter.counterBuilder("JOBS.done").build();
    first.add(2);
    second.add(3);

    assertThat(second).isSameAs(first);
    assertThat(value(only("jobs.done"))).isEqualTo(5.0);
  }

  @Test
  void sameScopeGivesTheSameMeterAndInstrumentsCarryIt() {
    assertThat(provider.meterBuilder("lib").setInstrumentationVersion("2.0").build())
        .isSameAs(meter);
    meter.counterBuilder("jobs.done").build().add(1);

    assertThat(only("jobs.done").scope().name()).isEqualTo("lib");
    assertThat(only("jobs.done").scope().version()).isEqualTo("2.0");
    assertThat(only("jobs.done").integerValues()).isTrue();
  }

  @Test
  void conflictingDuplicateStillRecordsAsAnInstrumentOfItsOwn() {
    meter.counterBuilder("jobs.done").setUnit("1").build().add(1);
    meter.counterBuilder("jobs.done").setUnit("{job}").build().add(7);

    List<MetricSnapshot> both = reader.collect().stream()
        .filter(m -> m.name().equals("jobs.done")).toList();
    assertThat(both).extracting(MetricSnapshot::unit).containsExactlyInAnyOrder("1", "{job}");
    assertThat(both).extracting(StriaMeterProviderTest::value).containsExactlyInAnyOrder(1.0, 7.0);
  }

  @Test
  void invalidNameGivesANoOpInstrumentAndNoException() {
    LongCounter invalid = meter.counterBuilder("1 bad name").build();
    assertThatCode(() -> invalid.add(1)).doesNotThrowAnyException();

    assertThat(invalid.isEnabled()).isFalse();
    assertThat(meter.counterBuilder("good").build().isEnabled()).isTrue();
    assertThat(reader.collect()).isEmpty();
  }

  @Test
  void negativeCounterIncrementsAndHistogramValuesAreDroppedNotThrown() {
    LongCounter counter = meter.counterBuilder("c").build();
    DoubleHistogram histogram = meter.histogramBuilder("h").build();
    counter.add(4);
    counter.add(-1);
    meter.counterBuilder("c").ofDoubles().build().add(Double.NaN);
    histogram.record(-3, Attributes.empty(), Context.root());
    histogram.record(3);

    assertThat(value(only("c"))).isEqualTo(4.0);
    assertThat(((HistogramPoint) only("h").points().get(0)).count()).isEqualTo(1);
  }

  @Test
  void histogramsUseTheOpenTelemetryDefaultBoundsOrTheAdvice() {
    meter.histogramBuilder("plain").build().record(1);
    meter.histogramBuilder("advised").setExplicitBucketBoundariesAdvice(List.of(1.0, 2.0))
        .build().record(1);
    meter.histogramBuilder("bad.advice").setExplicitBucketBoundariesAdvice(List.of(2.0, 1.0))
        .build().record(1);

    assertThat(((HistogramPoint) only("plain").points().get(0)).bounds()).containsExactly(
        0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000);
    assertThat(((HistogramPoint) only("advised").points().get(0)).bounds())
        .containsExactly(1, 2);
    assertThat(((HistogramPoint) only("bad.advice").points().get(0)).bounds()).hasSize(15);
  }

  @Test
  void attributesKeepTheirTypesAndVaryFromCallToCall() {
    LongCounter counter = meter.counterBuilder("c").build();
    counter.add(1, Attributes.of(stringKey("a"), "x"));
    counter.add(1, Attributes.builder().put("n", 7L).put("ok", true).build());

    List<dev.stria.snapshot.Labels> labels = only("c").points().stream()
        .map(p -> p.labels()).toList();
    assertThat(labels).extracting(l -> l.names()).containsExactlyInAnyOrder(
        List.of("a"), List.of("n", "ok"));
    dev.stria.snapshot.Labels typed = labels.stream().filter(l -> l.size() == 2).findFirst()
        .orElseThrow();
    assertThat(typed.type(0)).isEqualTo(LabelType.LONG);
    assertThat(typed.typedValue(0)).isEqualTo(7L);
    assertThat(typed.get("ok")).isEqualTo("true");
  }

  @Test
  void seriesPastTheCardinalityLimitFoldIntoTheOverflowSeries() {
    LongCounter counter = meter.counterBuilder("c").build();
    for (int i = 0; i < 5; i++) {
      counter.add(1, Attributes.of(stringKey("id"), "id" + i));
    }

    MetricSnapshot c = only("c");
    assertThat(c.points()).hasSize(4);
    CounterPoint overflow = (CounterPoint) c.points().stream()
        .filter(p -> p.labels().get("otel.metric.overflow") != null).findFirst().orElseThrow();
    assertThat(overflow.value()).isEqualTo(2.0);
    assertThat(overflow.labels().type(0)).isEqualTo(LabelType.BOOLEAN);
  }

  @Test
  void closedObservableIsNoLongerCalled() {
    int[] calls = {0};
    ObservableLongGauge gauge = meter.gaugeBuilder("g").ofLongs().buildWithCallback(out -> {
      calls[0]++;
      out.record(5);
    });
    assertThat(((GaugePoint) only("g").points().get(0)).value()).isEqualTo(5.0);
    gauge.close();
    gauge.close();

    assertThat(reader.collect()).isEmpty();
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void aThrowingCallbackIsSkippedAndTheOthersStillReport() {
    meter.gaugeBuilder("g").buildWithCallback(out -> {
      throw new IllegalStateException("broken");
    });
    meter.gaugeBuilder("g").buildWithCallback(out -> out.record(2));

    assertThat(((GaugePoint) only("g").points().get(0)).value()).isEqualTo(2.0);
  }

  private MetricSnapshot only(String name) {
    List<MetricSnapshot> found = reader.collect().stream()
        .filter(m -> m.name().equals(name)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static double value(MetricSnapshot m) {
    return m.points().stream().mapToDouble(p -> ((CounterPoint) p).value()).sum();
  }
}
