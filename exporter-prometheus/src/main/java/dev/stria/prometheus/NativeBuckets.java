package dev.stria.prometheus;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Arrays;

/**
 * Maps one side (positive or negative) of an OpenTelemetry exponential histogram to Prometheus
 * native histogram buckets.
 *
 * <p>Both schemes share the bucket boundaries {@code 2^(k / 2^scale)}; they differ in two ways.
 * OpenTelemetry's index {@code i} names the bucket {@code (base^i, base^(i+1)]}, Prometheus' key
 * {@code k} names {@code (base^(k-1), base^k]}, so {@code k = i + 1}. And Prometheus only accepts
 * schemas {@code -4..8}: a finer scale is reduced to 8 by merging {@code 2^(scale-8)} neighbours,
 * which is exact because every coarse boundary is also a fine one ({@code i >> shift} is the
 * coarse index of fine index {@code i}, rounding towards minus infinity for negative indexes). A
 * scale below -4 cannot be refined without inventing data, so such a point has no native form.
 */
final class NativeBuckets {
  static final int MAX_SCHEMA = 8;
  static final int MIN_SCHEMA = -4;

  /**
   * One empty bucket, for a histogram with no observations. Prometheus tells a native histogram
   * from a classic one in protobuf by its buckets, zero count or zero threshold; without any, an
   * empty native histogram would be stored as a classic one until its first observation. An
   * empty bucket (a span with a zero delta) marks it native and counts nothing, as client_golang
   * does with its no-op span.
   */
  static final NativeHistogramBuckets EMPTY_MARKER =
      NativeHistogramBuckets.of(new int[] {0}, new long[] {0});

  private NativeBuckets() {}

  /** The schema a point of {@code scale} is exposed with, or null if it has none. */
  static Integer schemaFor(int scale) {
    if (scale < MIN_SCHEMA) {
      return null;
    }
    return Math.min(scale, MAX_SCHEMA);
  }

  /**
   * The Prometheus buckets for counts of OpenTelemetry indexes {@code offset ..
   * offset + counts.length - 1} at {@code scale}, reduced to {@code schema} ({@code <= scale}).
   * Empty buckets are left out.
   */
  static NativeHistogramBuckets convert(int scale, int schema, int offset, long[] counts) {
    int shift = scale - schema;
    int nonEmpty = 0;
    for (long c : counts) {
      if (c != 0) {
        nonEmpty++;
      }
    }
    if (nonEmpty == 0) {
      return NativeHistogramBuckets.EMPTY;
    }
    int[] keys = new int[nonEmpty];
    long[] merged = new long[nonEmpty];
    int n = 0;
    for (int k = 0; k < counts.length; k++) {
      long c = counts[k];
      if (c == 0) {
        continue;
      }
      int key = ((offset + k) >> shift) + 1;
      if (n > 0 && keys[n - 1] == key) {
        merged[n - 1] += c;
      } else {
        keys[n] = key;
        merged[n] = c;
        n++;
      }
    }
    if (n < nonEmpty) {
      keys = Arrays.copyOf(keys, n);
      merged = Arrays.copyOf(merged, n);
    }
    return NativeHistogramBuckets.of(keys, merged);
  }
}
