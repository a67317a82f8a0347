package dev.stria.core.internal;

/**
 * What successive drains of a counter and an explicit histogram took, summed: the totals a stress
 * test compares with what its writers recorded. Used by one collector at a time (the stress run's
 * collector, then the test thread after the writers have been joined).
 */
final class DrainedTotals {
  long counterLongs;
  double counterDoubles;
  long histogramCount;
  double histogramSum;

  /** Drains both cells once and adds what they gave. */
  void drain(StripedCounter counter, ExplicitBucketHistogram histogram) {
    SumDelta delta = counter.drain();
    counterLongs += delta.longPart();
    counterDoubles += delta.doublePart();
    HistogramData data = histogram.drain();
    histogramCount += data.count();
    histogramSum += data.sum();
  }
}
