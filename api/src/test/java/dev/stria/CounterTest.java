package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void unlabelledCounterAddsLongsAndDoubles() {
    Counter jobs = registry.counter("jobs").description("Jobs run").unit("1").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    jobs.inc();
    jobs.add(2);
    jobs.add(0.5);

    MetricSnapshot snapshot = Snapshots.only(reader.collect());

    assertThat(snapshot.name()).isEqualTo("jobs");
    assertThat(snapshot.description()).isEqualTo("Jobs run");
    assertThat(snapshot.unit()).isEqualTo("1");
    assertThat(snapshot.type()).isEqualTo(MetricType.COUNTER);
    assertThat(snapshot.temporality()).isEqualTo(Temporality.CUMULATIVE);
    CounterPoint point = (CounterPoint) snapshot.points().get(0);
    assertThat(point.value()).isEqualTo(3.5);
    assertThat(point.labels()).isEqualTo(Labels.empty());
  }

  @Test
  void labelsReturnTheSameSeriesForTheSameValues() {
    Counter requests = registry.counter("requests").labelNames("method", "status").register();
    Counter.Series first = requests.labels("GET", "200");
    assertThat(requests.labels("GET", "200")).isSameAs(first);
    assertThat(requests.labels("GET", "500")).isNotSameAs(first);
    assertThat(first.labels()).isEqualTo(Labels.of("method", "GET", "status", "200"));
  }

  @Test
  void negativeIncrementIsRejectedNamingTheValue() {
    Counter c = registry.counter("c").register();
    assertThatThrownBy(() -> c.add(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter 'c' cannot add -1.0")
        .hasMessageContaining("non-negative");
    assertThatThrownBy(() -> c.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> c.add(-0.5)).hasMessageContaining("-0.5");
  }

  @Test
  void rejectedIncrementLosesNothingRecordedBefore() {
    Counter c = registry.counter("c").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    c.add(5);
    assertThatThrownBy(() -> c.add(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Snapshots.counterValue(reader.collect(), "c", Labels.empty())).isEqualTo(5.0);
  }

  @Test
  void wrongNumberOfLabelValuesIsRejected() {
    Counter requests = registry.counter("requests").labelNames("method", "status").register();
    assertThatThrownBy(() -> requests.labels("GET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'requests' has label names [method, status]")
        .hasMessageContaining("needs 2 label values, got [GET]");
  }

  @Test
  void nullLabelValueIsRejected() {
    Counter requests = registry.counter("requests").labelNames("method").register();
    assertThatThrownBy(() -> requests.labels((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be null");
  }

  @Test
  void recordingDirectlyOnALabelledCounterIsAnError() {
    Counter requests = registry.counter("requests").labelNames("method").register();
    assertThatThrownBy(requests::inc)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has label names [method]: record through labels(...)");
  }

  @Test
  void removedSeriesIsNoLongerReported() {
    Counter requests = registry.counter("requests").labelNames("method").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    requests.labels("GET").inc();
    requests.labels("PUT").inc();
    assertThat(requests.remove("GET")).isTrue();
    assertThat(requests.remove("GET")).isFalse();

    MetricSnapshot snapshot = Snapshots.only(reader.collect());
    assertThat(snapshot.points()).extracting(p -> p.labels().get("method")).containsExactly("PUT");

    requests.clear();
    assertThat(reader.collect()).isEmpty();
  }

  @Test
  void callbackCounterReportsTotalsAndDeltas() {
    double[] total = {10};
    registry.counter("gc.count").callback(() -> total[0]);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    MetricReader delta = registry.newReader(Temporality.DELTA);

    assertThat(Snapshots.counterValue(delta.collect(), "gc.count", Labels.empty())).isEqualTo(10.0);
    total[0] = 14;
    assertThat(Snapshots.counterValue(delta.collect(), "gc.count", Labels.empty())).isEqualTo(4.0);
    assertThat(delta.collect()).isEmpty();
    assertThat(Snapshots.counterValue(cumulative.collect(), "gc.count", Labels.empty()))
        .isEqualTo(14.0);
  }

  @Test
  void selectorCanKeepCallbackCountersCumulativeWhileRecordedCountersAreDeltas() {
    double[] total = {10};
    registry.counter("gc.count").callback(() -> total[0]);
    Counter requests = registry.counter("requests").register();
    TemporalitySelector lowMemory = new TemporalitySelector() {
      @Override
      public Temporality temporalityFor(MetricType type) {
        return Temporality.DELTA;
      }

      @Override
      public Temporality temporalityForCallback(MetricType type) {
        return Temporality.CUMULATIVE;
      }
    };
    MetricReader reader = registry.newReader(lowMemory);

    requests.add(3);
    reader.collect();
    total[0] = 14;
    requests.add(2);
    List<MetricSnapshot> second = reader.collect();

    assertThat(Snapshots.counterValue(second, "gc.count", Labels.empty())).isEqualTo(14.0);
    assertThat(Snapshots.counterValue(second, "requests", Labels.empty())).isEqualTo(2.0);
    assertThat(second).extracting(MetricSnapshot::name, MetricSnapshot::temporality)
        .containsExactlyInAnyOrder(
            tuple("gc.count", Temporality.CUMULATIVE), tuple("requests", Temporality.DELTA));
  }

  @Test
  void throwingCallbackIsSkippedAndTheCollectionGoesOn() {
    registry.counter("broken").callback(() -> {
      throw new IllegalStateException("boom");
    });
    registry.counter("fine").register().inc();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

    assertThat(reader.collect()).extracting(MetricSnapshot::name).containsExactly("fine");
  }

  @Test
  void closedCallbackRegistrationStopsReporting() {
    Registration registration = registry.counter("c").callback(() -> 1);
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThat(reader.collect()).hasSize(1);
    registration.close();
    assertThat(reader.collect()).isEmpty();
  }

  @Test
  void singleValueCallbackOfALabelledCounterIsRefusedNamingTheLabels() {
    assertThatThrownBy(() -> registry.counter("c").labelNames("a").callback(() -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callback of 'c' has label names [a]")
        .hasMessageContaining("out.record(value, labelValues...)");
  }
}
