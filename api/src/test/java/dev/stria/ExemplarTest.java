package dev.stria;

import static dev.stria.Snapshots.histogram;
import static dev.stria.Snapshots.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExemplarTest {
  private final ExemplarClock clock = new ExemplarClock(); // ticked by hand
  private final MeterRegistry registry = MeterRegistry.builder().exemplarClock(clock).build();
  private final MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);

  private void pastRetention() {
    clock.nowNanos += ExemplarClock.MIN_RETENTION_NANOS + TimeUnit.SECONDS.toNanos(1);
  }

  private static List<String> traceIds(List<Exemplar> exemplars) {
    return exemplars.stream().map(Exemplar::traceId).toList();
  }

  private Counter.Series counter() {
    return registry.counter("jobs").register().labels();
  }

  private Histogram.Series latencyHistogram(String name) {
    return registry.histogram(name).buckets(1, 2, 5).register().labels();
  }

  private static List<Exemplar> exemplarsOf(List<MetricSnapshot> batch, String name) {
    return histogram(batch, name, Labels.empty()).exemplars();
  }

  @Test
  void aCounterKeepsTheSampledCurrentSpanWithTheIncrement() {
    Counter.Series jobs = counter();
    try (Scope s = Spans.current(1)) {
      jobs.add(3);
    }

    List<Exemplar> exemplars =
        ((CounterPoint) point(cumulative.collect(), "jobs", Labels.empty())).exemplars();
    assertThat(exemplars).singleElement().satisfies(e -> {
      assertThat(e.traceId()).isEqualTo(Spans.traceId(1));
      assertThat(e.spanId()).isEqualTo(Spans.spanId(1));
      assertThat(e.value()).isEqualTo(3);
    });
  }

  @Test
  void noExemplarWithoutASpanOrWithAnUnsampledOne() {
    Histogram.Series latency = latencyHistogram("latency");
    latency.observe(0.5);
    clock.tick();
    try (Scope s = Spans.current(1, false)) {
      latency.observe(1.5);
    }

    assertThat(exemplarsOf(cumulative.collect(), "latency")).isEmpty();
  }

  @Test
  void eachExplicitBucketKeepsTheExemplarOfItsOwnValues() {
    Histogram.Series latency = latencyHistogram("latency");
    double[] values = {0.5, 1.5, 3, 10}; // one per bucket of (1, 2, 5, +Inf)
    for (int i = values.length - 1; i >= 0; i--) {
      clock.tick();
      try (Scope s = Spans.current(i)) {
        latency.observe(values[i]);
      }
    }

    List<Exemplar> exemplars = exemplarsOf(cumulative.collect(), "latency");
    assertThat(exemplars).extracting(Exemplar::value).containsExactly(0.5, 1.5, 3.0, 10.0);
    assertThat(traceIds(exemplars)).containsExactly(
        Spans.traceId(0), Spans.traceId(1), Spans.traceId(2), Spans.traceId(3));
  }

  @Test
  void aSeriesLooksAtTheSpanAtMostOncePerTick() {
    Histogram.Series latency = latencyHistogram("latency");
    try (Scope s = Spans.current(1)) {
      latency.observe(0.5);
    }
    try (Scope s = Spans.current(2)) {
      latency.observe(3); // same tick, another (empty) bucket: not looked at
    }
    assertThat(traceIds(exemplarsOf(cumulative.collect(), "latency")))
        .containsExactly(Spans.traceId(1));

    clock.tick();
    try (Scope s = Spans.current(3)) {
      latency.observe(3);
    }
    assertThat(traceIds(exemplarsOf(cumulative.collect(), "latency")))
        .containsExactly(Spans.traceId(1), Spans.traceId(3));
  }

  @Test
  void aBucketKeepsItsExemplarForTheRetentionThenTakesANewerOne() {
    Histogram.Series latency = latencyHistogram("latency");
    try (Scope s = Spans.current(1)) {
      latency.observe(0.5);
    }
    clock.tick();
    try (Scope s = Spans.current(2)) {
      latency.observe(0.7);
    }
    assertThat(traceIds(exemplarsOf(cumulative.collect(), "latency")))
        .containsExactly(Spans.traceId(1));

    pastRetention();
    try (Scope s = Spans.current(3)) {
      latency.observe(0.7);
    }
    assertThat(exemplarsOf(cumulative.collect(), "latency"))
        .singleElement().extracting(Exemplar::traceId, Exemplar::value)
        .containsExactly(Spans.traceId(3), 0.7);
  }

  @Test
  void aLookSkippedForAYoungExemplarIsLeftForARarerBucket() {
    Histogram.Series latency = latencyHistogram("latency");
    try (Scope s = Spans.current(1)) {
      latency.observe(0.5);
    }
    clock.tick();
    try (Scope s = Spans.current(2)) {
      latency.observe(0.6); // its bucket's exemplar is young: no look, the tick stays open
      latency.observe(4); // so the slow value of the same tick is kept
    }

    assertThat(exemplarsOf(cumulative.collect(), "latency")).extracting(Exemplar::value)
        .containsExactly(0.5, 4.0);
  }

  @Test
  void aDeltaPointCarriesTheIntervalsExemplarsACumulativeOneTheLatest() {
    MetricReader delta = registry.newReader(Temporality.DELTA);
    Histogram.Series latency = latencyHistogram("latency");
    try (Scope s = Spans.current(1)) {
      latency.observe(0.5);
    }
    assertThat(traceIds(exemplarsOf(delta.collect(), "latency")))
        .containsExactly(Spans.traceId(1));

    clock.tick();
    latency.observe(3); // counted, no span

    assertThat(exemplarsOf(delta.collect(), "latency")).isEmpty();
    assertThat(traceIds(exemplarsOf(cumulative.collect(), "latency")))
        .containsExactly(Spans.traceId(1));
  }

  @Test
  void exemplarsGivenByHandAreKeptWhateverTheCurrentSpan() {
    Histogram.Series latency = latencyHistogram("latency");
    Counter.Series jobs = counter();
    String trace = "0af7651916cd43dd8448eb211c80319c";
    String span = "b7ad6b7169203331";
    try (Scope s = Spans.current(1)) {
      latency.observeWithExemplar(3, trace, span);
      jobs.incWithExemplar(trace, span);
    }

    List<MetricSnapshot> batch = cumulative.collect();
    assertThat(exemplarsOf(batch, "latency")).singleElement()
        .extracting(Exemplar::value, Exemplar::traceId, Exemplar::spanId)
        .containsExactly(3.0, trace, span);
    assertThat(((CounterPoint) point(batch, "jobs", Labels.empty())).exemplars())
        .singleElement().extracting(Exemplar::traceId).isEqualTo(trace);
  }

  @Test
  void aMalformedIdIsRefusedNamingItAndNothingIsRecorded() {
    Histogram.Series latency = latencyHistogram("latency");
    assertThatThrownBy(() -> latency.observeWithExemplar(3, "XYZ", "b7ad6b7169203331"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'XYZ'").hasMessageContaining("32 lowercase hex digits");
    assertThatThrownBy(() -> counter().incWithExemplar(Spans.traceId(1), "0000000000000000"))
        .hasMessageContaining("not all zero");

    List<MetricSnapshot> batch = cumulative.collect();
    assertThat(histogram(batch, "latency", Labels.empty()).count()).isZero();
    assertThat(((CounterPoint) point(batch, "jobs", Labels.empty())).value()).isZero();
  }

  @Test
  void aRegistryWithExemplarsOffKeepsNone() {
    MeterRegistry off = MeterRegistry.builder().exemplarClock(clock).exemplars(false).build();
    MetricReader reader = off.newReader(Temporality.CUMULATIVE);
    Histogram.Series latency = off.histogram("latency").register().labels();
    try (Scope s = Spans.current(1)) {
      latency.observe(0.5);
      latency.observeWithExemplar(3, Spans.traceId(2), Spans.spanId(2));
    }

    assertThat(exemplarsOf(reader.collect(), "latency")).isEmpty();
  }

  @Test
  void anInstrumentWithExemplarsOffKeepsNoneWhileItsNeighboursDo() {
    Histogram.Series off = registry.histogram("off").exemplars(false).register().labels();
    Histogram.Series on = latencyHistogram("on");
    try (Scope s = Spans.current(1)) {
      off.observe(0.5);
      off.observeWithExemplar(0.5, Spans.traceId(2), Spans.spanId(2));
      on.observe(0.5);
    }

    List<MetricSnapshot> batch = cumulative.collect();
    assertThat(exemplarsOf(batch, "off")).isEmpty();
    assertThat(exemplarsOf(batch, "on")).hasSize(1);
  }

  @Test
  void anExponentialHistogramKeepsTheExtremesAndRecentOthersInFourSlots() {
    Histogram.Series sizes = registry.histogram("sizes").exponential().register().labels();
    double[] first = {10, 20, 30, 40};
    for (int i = 0; i < first.length; i++) {
      clock.tick();
      try (Scope s = Spans.current(i)) {
        sizes.observe(first[i]);
      }
    }
    pastRetention();
    try (Scope s = Spans.current(7)) {
      sizes.observe(5); // smaller than the smallest: replaces it
    }
    clock.tick();
    try (Scope s = Spans.current(8)) {
      sizes.observe(25); // in between: replaces the oldest that is neither extreme (20)
    }

    ExponentialHistogramPoint p = (ExponentialHistogramPoint) point(
        cumulative.collect(), "sizes", Labels.empty());
    assertThat(p.exemplars()).extracting(Exemplar::value)
        .containsExactlyInAnyOrder(5.0, 25.0, 30.0, 40.0);
  }

  @Test
  void aHistogramWithBothViewsKeepsOnePerExplicitBucketOnBoth() {
    Histogram.Series both =
        registry.histogram("both").buckets(1, 2).exponential().register().labels();
    for (int i = 0; i < 3; i++) {
      clock.tick();
      try (Scope s = Spans.current(i)) {
        both.observe(0.5 + i);
      }
    }

    ExponentialHistogramPoint p = (ExponentialHistogramPoint) point(
        cumulative.collect(), "both", Labels.empty());
    assertThat(p.exemplars()).extracting(Exemplar::value).containsExactly(0.5, 1.5, 2.5);
    assertThat(p.classic().exemplars()).isEqualTo(p.exemplars());
  }

  @Test
  void anOperationStampsItsExemplarsWithTheCallsEnd() {
    Operation.Series checkout = registry.operation("checkout").register().labels();
    long before = System.currentTimeMillis() * 1_000_000L;
    try (Scope s = Spans.current(1); Operation.Call call = checkout.start()) {
      call.ok();
    }
    long after = System.currentTimeMillis() * 1_000_000L + 1_000_000L;

    List<MetricSnapshot> batch = cumulative.collect();
    Labels ok = Labels.of("status", "ok");
    Exemplar duration = histogram(batch, "checkout.duration", ok).exemplars().get(0);
    Exemplar calls = ((CounterPoint) point(batch, "checkout.calls", ok)).exemplars().get(0);
    assertThat(duration.traceId()).isEqualTo(Spans.traceId(1));
    assertThat(duration.epochNanos()).isEqualTo(calls.epochNanos()).isBetween(
        before - TimeUnit.MILLISECONDS.toNanos(ExemplarClock.TICK_MILLIS), after);
    assertThat(calls.value()).isEqualTo(1);
  }

  @Test
  void aTimerKeepsItsDurationInTheHistogramsUnit() {
    Histogram.Series latency = registry.histogram("timed").unit("ms").register().labels();
    try (Scope s = Spans.current(1); Timer t = latency.startTimer()) {
      assertThat(t.elapsedNanos()).isNotNegative();
    }

    var p = histogram(cumulative.collect(), "timed", Labels.empty());
    assertThat(p.exemplars()).singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo(p.sum()));
  }
}
