package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void deltaReaderReportsEachIncrementOnceAndOmitsUnchangedSeries() {
    Counter c = registry.counter("c").labelNames("k").register();
    MetricReader delta = registry.newReader(Temporality.DELTA);
    c.labels("a").add(3);
    c.labels("b").add(1);
    List<MetricSnapshot> first = delta.collect();
    assertThat(Snapshots.counterValue(first, "c", Labels.of("k", "a"))).isEqualTo(3.0);
    assertThat(Snapshots.counterValue(first, "c", Labels.of("k", "b"))).isEqualTo(1.0);

    c.labels("a").add(2);
    List<MetricSnapshot> second = delta.collect();
    assertThat(Snapshots.named(second, "c").points()).hasSize(1);
    assertThat(Snapshots.counterValue(second, "c", Labels.of("k", "a"))).isEqualTo(2.0);

    assertThat(delta.collect()).isEmpty();
  }

  @Test
  void deltaPointsStartAtThePreviousCollection() {
    Counter c = registry.counter("c").register();
    MetricReader delta = registry.newReader(Temporality.DELTA);
    c.inc();
    CounterPoint first = (CounterPoint) Snapshots.only(delta.collect()).points().get(0);
    c.inc();
    CounterPoint second = (CounterPoint) Snapshots.only(delta.collect()).points().get(0);
    assertThat(second.startEpochNanos()).isEqualTo(first.epochNanos());
    assertThat(second.epochNanos()).isGreaterThanOrEqualTo(second.startEpochNanos());
  }

  @Test
  void cumulativePointsStartAtSeriesCreation() {
    Counter c = registry.counter("c").register();
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    c.inc();
    CounterPoint first = (CounterPoint) Snapshots.only(cumulative.collect()).points().get(0);
    c.inc();
    CounterPoint second = (CounterPoint) Snapshots.only(cumulative.collect()).points().get(0);
    assertThat(second.startEpochNanos()).isEqualTo(first.startEpochNanos());
    assertThat(second.value()).isEqualTo(2.0);
  }

  @Test
  void readersOfBothTemporalitiesAreIndependent() {
    Histogram h = registry.histogram("h").buckets(1, 2).register();
    MetricReader d1 = registry.newReader(Temporality.DELTA);
    MetricReader d2 = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    h.observe(0.5);
    assertThat(Snapshots.histogram(d1.collect(), "h", Labels.empty()).count()).isEqualTo(1);
    h.observe(1.5);
    assertThat(Snapshots.histogram(cumulative.collect(), "h", Labels.empty()).count())
        .isEqualTo(2);
    h.observe(5);
    HistogramPoint second = Snapshots.histogram(d1.collect(), "h", Labels.empty());
    assertThat(second.bucketCounts()).containsExactly(0, 1, 1);
    HistogramPoint other = Snapshots.histogram(d2.collect(), "h", Labels.empty());
    assertThat(other.bucketCounts()).containsExactly(1, 1, 1);
    assertThat(Snapshots.histogram(cumulative.collect(), "h", Labels.empty()).bucketCounts())
        .containsExactly(1, 1, 1);
  }

  @Test
  void temporalitySelectorChoosesPerInstrumentKind() {
    registry.counter("c").register().add(2);
    registry.upDownCounter("u").register().add(2);
    MetricReader lowMemory = registry.newReader(
        type -> type == MetricType.UP_DOWN_COUNTER ? Temporality.CUMULATIVE : Temporality.DELTA);
    List<MetricSnapshot> first = lowMemory.collect();
    assertThat(Snapshots.named(first, "c").temporality()).isEqualTo(Temporality.DELTA);
    assertThat(Snapshots.named(first, "u").temporality()).isEqualTo(Temporality.CUMULATIVE);
    List<MetricSnapshot> second = lowMemory.collect();
    assertThat(second).extracting(MetricSnapshot::name).containsExactly("u");
  }

  @Test
  void closedReaderCollectsNothingAndOthersGoOn() {
    Counter c = registry.counter("c").register();
    MetricReader closed = registry.newReader(Temporality.DELTA);
    MetricReader open = registry.newReader(Temporality.DELTA);
    c.inc();
    closed.close();
    assertThat(closed.collect()).isEmpty();
    assertThat(Snapshots.counterValue(open.collect(), "c", Labels.empty())).isEqualTo(1.0);
  }

  @Test
  void hostileLabelValuesAreKeptExactly() {
    Counter c = registry.counter("c").labelNames("v").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    String[] hostile = {"quote\"d", "back\\slash", "new\nline", "", "naïve ☃ 日本", "tab\t"};
    for (String value : hostile) {
      c.labels(value).inc();
    }
    MetricSnapshot snapshot = Snapshots.only(reader.collect());
    assertThat(snapshot.points()).extracting(p -> p.labels().get("v"))
        .containsExactlyInAnyOrder(hostile);
  }

  @Test
  void cardinalityLimitFoldsFurtherSeriesIntoOneOverflowSeriesAndKeepsTheTotal() {
    Counter c = registry.counter("c").labelNames("id").cardinalityLimit(2000).register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    for (int i = 0; i < 100_000; i++) {
      c.labels(Integer.toString(i)).inc();
    }
    MetricSnapshot snapshot = Snapshots.only(reader.collect());
    assertThat(snapshot.points()).hasSize(2001);
    double total = snapshot.points().stream().mapToDouble(p -> ((CounterPoint) p).value()).sum();
    assertThat(total).isEqualTo(100_000.0);
    assertThat(Snapshots.counterValue(List.of(snapshot), "c",
        Labels.of("otel_metric_overflow", "true"))).isEqualTo(98_000.0);
  }

  @Test
  void registryCardinalityLimitIsTheDefault() {
    MeterRegistry small = MeterRegistry.builder().cardinalityLimit(3).build();
    Counter c = small.counter("c").labelNames("id").register();
    MetricReader reader = small.newReader(Temporality.CUMULATIVE);
    for (int i = 0; i < 10; i++) {
      c.labels("v" + i).inc();
    }
    assertThat(Snapshots.only(reader.collect()).points()).hasSize(4);
  }
}
