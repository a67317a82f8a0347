package dev.stria.prometheus;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;

/**
 * A native histogram's buckets laid out as the protobuf format stores them: spans of consecutive
 * bucket indexes, and one count delta per bucket (its count minus the previous bucket's). A gap
 * of one or two empty buckets is filled with empty buckets, which takes fewer bytes than a new
 * span; a longer gap starts a span whose offset is the gap. The first span's offset is the first
 * index. This is the layout client_java 1.8.0 writes, so both writers' bytes agree.
 *
 * <p>Computed forwards so that {@link ProtobufScrapeEncoder}, which writes backwards, can read it
 * from the end. Reused for every histogram of a scrape: the arrays grow to the largest.
 */
final class NativeBucketSpans {
  private int[] offsets = new int[8];
  private int[] lengths = new int[8];
  private long[] deltas = new long[24];
  private int spanCount;
  private int deltaCount;

  /** Lays out {@code buckets} (at least one, ascending indexes), replacing the previous layout. */
  void layOut(NativeHistogramBuckets buckets) {
    int n = buckets.size();
    if (offsets.length < n) {
      offsets = new int[n];
      lengths = new int[n];
    }
    if (deltas.length < 3 * n) { // each bucket, and at most two fillers before it
      deltas = new long[3 * n];
    }
    int span = 0;
    deltaCount = 0;
    int previousIndex = buckets.getBucketIndex(0);
    long previousCount = 0;
    offsets[0] = previousIndex;
    lengths[0] = 0;
    for (int i = 0; i < n; i++) {
      int index = buckets.getBucketIndex(i);
      if (index > previousIndex + 3) {
        span++;
        offsets[span] = index - (previousIndex + 1);
        lengths[span] = 0;
      } else {
        while (index > previousIndex + 1) { // fill a gap of one or two
          lengths[span]++;
          previousIndex++;
          deltas[deltaCount++] = -previousCount;
          previousCount = 0;
        }
      }
      lengths[span]++;
      deltas[deltaCount++] = buckets.getCount(i) - previousCount;
      previousCount = buckets.getCount(i);
      previousIndex = index;
    }
    spanCount = span + 1;
  }

  int spanCount() {
    return spanCount;
  }

  int spanOffset(int span) {
    return offsets[span];
  }

  int spanLength(int span) {
    return lengths[span];
  }

  int deltaCount() {
    return deltaCount;
  }

  long delta(int index) {
    return deltas[index];
  }
}
