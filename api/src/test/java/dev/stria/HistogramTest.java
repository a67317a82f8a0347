package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void defaultBucketsArePrometheus() {
    Histogram h = registry.histogram("latency").unit("s").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    h.observe(0.005);
    h.observe(0.007);
    h.observe(11);

    HistogramPoint point = Snapshots.histogram(reader.collect(), "latency", Labels.empty());
    assertThat(point.bounds())
        .containsExactly(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    assertThat(point.bucketCounts()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(point.count()).isEqualTo(3);
    assertThat(point.sum()).isEqualTo(0.005 + 0.007 + 11);
    assertThat(point.min()).isEqualTo(0.005);
    assertThat(point.max()).isEqualTo(11.0);
  }

  @Test
  void customBucketsAreValidatedNamingTheBound() {
    assertThatThrownBy(() -> registry.histogram("h").buckets(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly increasing, but 1.0 at index 1 follows 2.0");
  }

  @Test
  void exponentialHistogramReportsBucketsAtMostMaxBuckets() {
    Histogram sizes = registry.histogram("sizes").unit("By").exponential(20).register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    for (int i = 1; i <= 1000; i++) {
      sizes.observe(i);
    }
    sizes.observe(0);
    sizes.observe(-4);

    MetricSnapshot snapshot = Snapshots.named(reader.collect(), "sizes");
    assertThat(snapshot.type()).isEqualTo(MetricType.EXPONENTIAL_HISTOGRAM);
    ExponentialHistogramPoint point = (ExponentialHistogramPoint) snapshot.points().get(0);
    assertThat(point.count()).isEqualTo(1002);
    assertThat(point.zeroCount()).isEqualTo(1);
    assertThat(point.positiveCounts().length).isLessThanOrEqualTo(20);
    assertThat(java.util.Arrays.stream(point.negativeCounts()).sum()).isEqualTo(1);
    assertThat(point.sum()).isEqualTo(500500.0 - 4);
    assertThat(point.min()).isEqualTo(-4.0);
    assertThat(point.max()).isEqualTo(1000.0);
    assertThat(point.classic()).isNull();
  }

  @Test
  void exponentialWithBucketsCarriesTheClassicView() {
    Histogram h = registry.histogram("h").buckets(1, 10).exponential().register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    h.observe(0.5);
    h.observe(5);
    h.observe(50);

    ExponentialHistogramPoint point =
        (ExponentialHistogramPoint) Snapshots.point(reader.collect(), "h", Labels.empty());
    assertThat(point.count()).isEqualTo(3);
    assertThat(point.classic().bucketCounts()).containsExactly(1, 1, 1);
    assertThat(point.classic().count()).isEqualTo(3);
  }

  @Test
  void timerRecordsElapsedTimeInTheHistogramUnit() throws Exception {
    Histogram seconds = registry.histogram("seconds").unit("s").buckets(0.001, 1, 100).register();
    Histogram millis = registry.histogram("millis").unit("ms").buckets(1, 1000, 100_000).register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    try (Timer t = seconds.startTimer(); Timer m = millis.startTimer()) {
      Thread.sleep(5);
    }

    List<dev.stria.snapshot.MetricSnapshot> batch = reader.collect();
    HistogramPoint s = Snapshots.histogram(batch, "seconds", Labels.empty());
    HistogramPoint ms = Snapshots.histogram(batch, "millis", Labels.empty());
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.sum()).isBetween(0.005, 60.0);
    assertThat(s.bucketCounts()).containsExactly(0, 1, 0, 0);
    assertThat(ms.sum()).isBetween(5.0, 60_000.0);
    assertThat(ms.bucketCounts()).containsExactly(0, 1, 0, 0);
  }

  @Test
  void timerRecordsAlsoWhenTheBodyThrows() {
    Histogram h = registry.histogram("h").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThatThrownBy(() -> h.time((Runnable) () -> {
      throw new IllegalStateException("failed");
    })).hasMessage("failed");
    assertThatThrownBy(() -> h.timeChecked(() -> {
      throw new java.io.IOException("io");
    })).hasMessage("io");
    assertThat(h.time(() -> "result")).isEqualTo("result");

    assertThat(Snapshots.histogram(reader.collect(), "h", Labels.empty()).count()).isEqualTo(3);
  }

  @Test
  void timerOnExponentialHistogramRecordsSeconds() throws Exception {
    Histogram h = registry.histogram("h").unit("s").exponential().register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    try (Timer t = h.startTimer()) {
      Thread.sleep(2);
    }
    ExponentialHistogramPoint point =
        (ExponentialHistogramPoint) Snapshots.point(reader.collect(), "h", Labels.empty());
    assertThat(point.count()).isEqualTo(1);
    assertThat(point.min()).isBetween(0.002, 60.0);
  }

  @Test
  void timerOnANonTimeUnitIsAnError() {
    Histogram sizes = registry.histogram("sizes").unit("By").register();
    assertThatThrownBy(sizes::startTimer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("histogram 'sizes' has unit 'By', which is not a time unit");
  }

  @Test
  void nanIsNotRecorded() {
    Histogram h = registry.histogram("h").register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    h.observe(Double.NaN);
    h.observe(1);
    assertThat(Snapshots.histogram(reader.collect(), "h", Labels.empty()).count()).isEqualTo(1);
  }
}
