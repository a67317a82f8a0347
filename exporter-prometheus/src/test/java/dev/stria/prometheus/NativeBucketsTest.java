package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.NativeHistogramBucket;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NativeBucketsTest {

  private static String render(NativeHistogramBuckets buckets) {
    return buckets.stream()
        .map(b -> b.getBucketIndex() + ":" + b.getCount())
        .collect(Collectors.joining(" "));
  }

  @Test
  void keysAreTheOpenTelemetryIndexPlusOne() {
    // OTLP index 0 at scale 0 is (1, 2]; Prometheus key 1 at schema 0 is (1, 2] too.
    assertThat(render(NativeBuckets.convert(0, 0, 0, new long[] {5}))).isEqualTo("1:5");
    assertThat(render(NativeBuckets.convert(3, 3, -2, new long[] {1, 0, 2}))).isEqualTo("-1:1 1:2");
  }

  @Test
  void emptyBucketsAreLeftOut() {
    assertThat(NativeBuckets.convert(3, 3, 7, new long[] {0, 0})).isSameAs(NativeHistogramBuckets.EMPTY);
  }

  @Test
  void scalesAboveEightAreClampedToSchemaEight() {
    assertThat(NativeBuckets.schemaFor(20)).isEqualTo(8);
    assertThat(NativeBuckets.schemaFor(8)).isEqualTo(8);
    assertThat(NativeBuckets.schemaFor(-4)).isEqualTo(-4);
    assertThat(NativeBuckets.schemaFor(-5)).isNull();
  }

  @Test
  void reducingTheScaleMergesNeighboursWithFloorDivision() {
    // Scale 10 -> schema 8: four fine buckets per coarse one. Fine indexes -5..2:
    // -5 -> -2, -4..-1 -> -1, 0..2 -> 0; keys add one.
    long[] counts = {1, 2, 3, 4, 5, 6, 7, 8};
    assertThat(render(NativeBuckets.convert(10, 8, -5, counts))).isEqualTo("-1:1 0:14 1:21");
  }

  @Test
  void mergedCountsKeepTheTotal() {
    long[] counts = new long[100];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = i;
    }
    long total = NativeBuckets.convert(12, 8, 1000, counts).stream()
        .mapToLong(NativeHistogramBucket::getCount).sum();
    assertThat(total).isEqualTo(4950);
  }
}
