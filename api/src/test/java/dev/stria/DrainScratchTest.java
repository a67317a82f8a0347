package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader drains every series of an instrument through one reused scratch accumulation: what
 * one series drained must never show up in another series' point, nor again in a later one.
 */
class DrainScratchTest {

  private static PointSnapshot point(List<MetricSnapshot> batch, String name, String route) {
    return batch.stream().filter(m -> m.name().equals(name)).flatMap(m -> m.points().stream())
        .filter(p -> route.equals(p.labels().get("route"))).findFirst().orElse(null);
  }

  @Test
  void seriesDrainedThroughOneScratchKeepTheirOwnData() {
    MeterRegistry registry = new MeterRegistry();
    Histogram explicit = registry.histogram("explicit").buckets(1, 2).labelNames("route").register();
    Histogram both = registry.histogram("both").buckets(1, 2).exponential().labelNames("route")
        .register();
    Counter counter = registry.counter("count").labelNames("route").register();
    MetricReader delta = registry.newReader(Temporality.DELTA);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);

    explicit.labels("/a").observe(0.5);
    explicit.labels("/b").observe(1.5);
    explicit.labels("/b").observe(1.5);
    both.labels("/a").observe(3);
    both.labels("/b").observe(0.5);
    counter.labels("/a").add(5);
    counter.labels("/b").add(7);

    List<MetricSnapshot> first = delta.collect();
    assertThat(((HistogramPoint) point(first, "explicit", "/a")).bucketCounts())
        .containsExactly(1, 0, 0);
    assertThat(((HistogramPoint) point(first, "explicit", "/b")).bucketCounts())
        .containsExactly(0, 2, 0);
    assertThat(((ExponentialHistogramPoint) point(first, "both", "/a")).classic().bucketCounts())
        .containsExactly(0, 0, 1);
    assertThat(((ExponentialHistogramPoint) point(first, "both", "/b")).sum()).isEqualTo(0.5);
    assertThat(point(first, "count", "/b")).extracting("value").isEqualTo(7.0);

    explicit.labels("/a").observe(0.5);
    List<MetricSnapshot> second = delta.collect();
    assertThat(((HistogramPoint) point(second, "explicit", "/a")).count()).isEqualTo(1);
    assertThat(point(second, "explicit", "/b")).as("nothing new on /b").isNull();
    assertThat(point(second, "count", "/a")).isNull();

    List<MetricSnapshot> totals = cumulative.collect();
    assertThat(((HistogramPoint) point(totals, "explicit", "/a")).count()).isEqualTo(2);
    assertThat(((HistogramPoint) point(totals, "explicit", "/b")).count()).isEqualTo(2);
    assertThat(point(totals, "count", "/a")).extracting("value").isEqualTo(5.0);
  }
}
