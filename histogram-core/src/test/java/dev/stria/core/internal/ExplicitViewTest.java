package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An exponential histogram with an explicit view: both views come from one set of counts. Each
 * view is checked against a reference computed apart — the explicit view by counting {@code v <=
 * bound} directly, the exponential view by a cell without a view fed the same values.
 */
class ExplicitViewTest {

  /** The explicit buckets of {@code values}, counted naively: bucket j holds b[j-1] < v <= b[j]. */
  private static long[] naiveExplicit(double[] bounds, List<Double> values) {
    long[] counts = new long[bounds.length + 1];
    for (double v : values) {
      int j = 0;
      while (j < bounds.length && v > bounds[j]) {
        j++;
      }
      counts[j]++;
    }
    return counts;
  }

  private static void assertBothViewsMatchReferences(double[] bounds, List<Double> values) {
    ExponentialHistogram combined = new ExponentialHistogram(5, new BucketBounds(bounds));
    ExponentialHistogram plain = new ExponentialHistogram(5);
    for (double v : values) {
      combined.record(v);
      plain.record(v);
    }
    ExponentialHistogramData exponential = new ExponentialHistogramData(5);
    HistogramData explicit = new HistogramData(bounds.length + 1);
    combined.drainInto(exponential, explicit);
    ExponentialHistogramData reference = plain.drain();

    assertThat(explicit.bucketCounts()).containsExactly(naiveExplicit(bounds, values));
    assertThat(explicit.count()).isEqualTo(exponential.count());
    assertThat(explicit.sum()).isEqualTo(exponential.sum()).isEqualTo(reference.sum());
    ExponentialHistogramData.Downscaled got = exponential.downscale(Integer.MAX_VALUE);
    ExponentialHistogramData.Downscaled want = reference.downscale(Integer.MAX_VALUE);
    assertThat(got.zeroCount()).isEqualTo(want.zeroCount());
    assertThat(got.positiveOffset()).isEqualTo(want.positiveOffset());
    assertThat(got.positiveCounts()).containsExactly(want.positiveCounts());
    assertThat(got.negativeOffset()).isEqualTo(want.negativeOffset());
    assertThat(got.negativeCounts()).containsExactly(want.negativeCounts());
  }

  /** Each bound itself, its neighbours, and a value well inside each bucket. */
  private static List<Double> aroundEveryBound(double[] bounds) {
    List<Double> values = new ArrayList<>();
    for (double b : bounds) {
      values.add(b);
      values.add(Math.nextUp(b));
      values.add(Math.nextDown(b));
      values.add(b * 1.005);
      values.add(b * 0.995);
    }
    values.add(0.0);
    values.add(bounds[bounds.length - 1] * 3);
    return values;
  }

  @Test
  void prometheusDefaultBoundsSplitTheirExponentialBucketsExactlyAtTheBound() {
    double[] bounds = BucketBounds.prometheusDefault();
    assertBothViewsMatchReferences(bounds, aroundEveryBound(bounds));
  }

  @Test
  void boundsOnExponentialBoundariesNegativeBoundsAndZeroAreHonoured() {
    // 0.5, 1, 2 are exact bucket boundaries at scale 5; negatives are indexed by magnitude.
    double[] bounds = {-10, -1, -0.3, 0, 0.5, 1, 2, 3};
    assertBothViewsMatchReferences(bounds, aroundEveryBound(bounds));
  }

  @Test
  void severalBoundsInsideOneExponentialBucketEachGetTheirShare() {
    // One bucket at scale 5 spans a factor of 1.0219: these three bounds share it.
    double[] bounds = {1.001, 1.002, 1.003};
    List<Double> values = new ArrayList<>(aroundEveryBound(bounds));
    values.add(1.0015);
    values.add(1.0025);
    values.add(1.0035);
    assertBothViewsMatchReferences(bounds, values);
  }

  @Test
  void randomValuesOverManyMagnitudesMatchBothReferences() {
    SplittableRandom random = new SplittableRandom(20261129);
    double[] bounds = {-1e3, -2.5, -0.001, 0, 1e-6, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 2.5, 5, 10, 1e9};
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      double magnitude = Math.scalb(1.0 + random.nextDouble(), random.nextInt(-40, 40));
      values.add(random.nextInt(4) == 0 ? -magnitude : magnitude);
      if (i % 1000 == 0) {
        values.add(bounds[random.nextInt(bounds.length)]);
      }
    }
    assertBothViewsMatchReferences(bounds, values);
  }

  @Test
  void theViewsMinMaxSumAndDroppedAreTheExponentialViews() {
    ExponentialHistogram cell = new ExponentialHistogram(5, new BucketBounds(1, 2));
    cell.record(0.5);
    cell.record(3);
    cell.record(Double.NaN);
    ExponentialHistogramData exponential = new ExponentialHistogramData(5);
    HistogramData explicit = new HistogramData(3);
    cell.drainInto(exponential, explicit);
    assertThat(explicit.min()).isEqualTo(exponential.min()).isEqualTo(0.5);
    assertThat(explicit.max()).isEqualTo(exponential.max()).isEqualTo(3.0);
    assertThat(explicit.sum()).isEqualTo(3.5);
    assertThat(explicit.dropped()).isEqualTo(exponential.dropped()).isEqualTo(1);
  }

  @Test
  void everyConcurrentDrainPresentsBothViewsWithTheSameCount() throws Exception {
    StressRun.repeat(() -> {
      double[] bounds = BucketBounds.prometheusDefault();
      ExponentialHistogram cell = new ExponentialHistogram(5, new BucketBounds(bounds));
      ExponentialHistogramData totalExponential = new ExponentialHistogramData(5);
      HistogramData totalExplicit = new HistogramData(bounds.length + 1);
      long[] mismatches = new long[1];
      long[] nonEmptyDrains = new long[1];
      int writers = 3;
      int perWriter = 400_000;
      int overlapping = StressRun.run(
          writers,
          w -> {
            for (int i = 0; i < perWriter; i++) {
              if (i == perWriter / 2) {
                StressRun.midpoint();
              }
              cell.record(bounds[i % bounds.length] * (i % 3 == 0 ? 1 : 1.3));
            }
          },
          () -> {
            ExponentialHistogramData e = new ExponentialHistogramData(5);
            HistogramData x = new HistogramData(bounds.length + 1);
            cell.drainInto(e, x);
            if (x.count() != e.count()) {
              mismatches[0]++;
            }
            if (e.count() > 0) {
              nonEmptyDrains[0]++;
            }
            totalExponential.merge(e);
            totalExplicit.merge(x);
          });
      cell.drainInto(totalExponential, totalExplicit);

      assertThat(overlapping).as("drains that overlapped the writes").isPositive();
      assertThat(nonEmptyDrains[0]).as("drains that took recordings").isGreaterThan(1);
      assertThat(mismatches[0]).as("drains whose two views differ in count").isZero();
      List<Double> oneWriter = new ArrayList<>();
      for (int i = 0; i < perWriter; i++) {
        oneWriter.add(bounds[i % bounds.length] * (i % 3 == 0 ? 1 : 1.3));
      }
      long[] expected = naiveExplicit(bounds, oneWriter);
      for (int j = 0; j < expected.length; j++) {
        expected[j] *= writers;
      }
      assertThat(totalExplicit.bucketCounts()).containsExactly(expected);
      assertThat(totalExponential.count()).isEqualTo((long) writers * perWriter);
    });
  }
}
