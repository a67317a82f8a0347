package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaMergeTest {
  static final Labels L = Labels.of("k", "v");

  @Test
  void countersAddAndSpanBothIntervals() {
    var merged = (CounterPoint) DeltaMerge.merge(new CounterPoint(L, 10, 20, 3),
        new CounterPoint(L, 20, 30, 4));
    assertThat(merged).isEqualTo(new CounterPoint(L, 10, 30, 7));
  }

  @Test
  void explicitHistogramsAddBucketByBucket() {
    double[] b = {1, 2};
    var merged = DeltaMerge.merge(
        new HistogramPoint(L, 10, 20, 2, 1.5, 0.5, 1, b, new long[] {2, 0, 0}),
        new HistogramPoint(L, 20, 30, 2, 7, 2, 5, b, new long[] {0, 1, 1}));
    assertThat(merged).isEqualTo(
        new HistogramPoint(L, 10, 30, 4, 8.5, 0.5, 5, b, new long[] {2, 1, 1}));
  }

  @Test
  void exponentialHistogramsMeetAtTheSmallerScale() {
    // scale 1 buckets 4..5 (values in (4, 8]) become scale 0 buckets 2..2
    var older = new ExponentialHistogramPoint(L, 10, 20, 3, 15, 4.5, 7, 1, 0, 4,
        new long[] {1, 2}, 0, new long[0]);
    var newer = new ExponentialHistogramPoint(L, 20, 30, 2, 3, 0, 3, 0, 1, 1,
        new long[] {1}, 0, new long[0]);
    var merged = (ExponentialHistogramPoint) DeltaMerge.merge(older, newer);
    assertThat(merged.scale()).isZero();
    assertThat(merged.count()).isEqualTo(5);
    assertThat(merged.zeroCount()).isEqualTo(1);
    assertThat(merged.positiveOffset()).isEqualTo(1);
    assertThat(merged.positiveCounts()).containsExactly(1, 3);
    assertThat(merged.min()).isZero();
    assertThat(merged.max()).isEqualTo(7);
  }

  @Test
  void exponentialMergeStaysWithinTheBucketLimit() {
    long[] one = {1};
    var low = new ExponentialHistogramPoint(L, 1, 2, 1, 1, 1, 1, 8, 0, -1000, one, 0, new long[0]);
    var high = new ExponentialHistogramPoint(L, 2, 3, 1, 1, 1, 1, 8, 0, 1000, one, 0, new long[0]);
    var merged = (ExponentialHistogramPoint) DeltaMerge.merge(low, high);
    assertThat(merged.positiveCounts().length).isLessThanOrEqualTo(DeltaMerge.MAX_BUCKETS);
    assertThat(merged.count()).isEqualTo(2);
  }

  @Test
  void backlogMergesHeldSeriesIntoTheNextCollection() {
    DeltaBacklog backlog = new DeltaBacklog(10);
    var a = Labels.of("s", "a");
    var b = Labels.of("s", "b");
    assertThat(backlog.retain(List.of(counter(Temporality.DELTA, new CounterPoint(a, 0, 1, 2)),
        counter(Temporality.CUMULATIVE, new CounterPoint(a, 0, 1, 100))))).isZero();
    assertThat(backlog.heldPoints()).isEqualTo(1);
    var next = backlog.drainInto(List.of(counter(Temporality.DELTA,
        new CounterPoint(a, 1, 2, 3), new CounterPoint(b, 1, 2, 1))));
    assertThat(next.get(0).points()).containsExactly(new CounterPoint(a, 0, 2, 5),
        new CounterPoint(b, 1, 2, 1));
    assertThat(backlog.heldPoints()).isZero();
  }

  private static MetricSnapshot counter(Temporality t, CounterPoint... points) {
    return new MetricSnapshot(t == Temporality.DELTA ? "d" : "c", "", "", MetricType.COUNTER, t,
        List.of(points));
  }
}
