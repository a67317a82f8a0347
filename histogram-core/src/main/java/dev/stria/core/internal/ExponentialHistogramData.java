package dev.stria.core.internal;

/**
 * Exponential histogram counts at one scale, as drained from an {@link ExponentialHistogram} or
 * merged from several drains: the accumulator the registry's collection path owns per series.
 *
 * <pre>{@code
 * ExponentialHistogramData total = new ExponentialHistogramData(cell.recordingScale());
 * cell.drainInto(total);                       // or total.merge(cell.drain())
 * ExponentialHistogramData.Downscaled point = total.downscale(ExponentialHistogramData.DEFAULT_MAX_BUCKETS);
 * }</pre>
 *
 * <p>Counts per sign are kept in a dense window that grows to span the lowest to the highest index
 * seen, so memory is proportional to the range of the data at this scale. {@link #count()} is
 * derived as the zero count plus every bucket, so it always equals their sum. {@link #min()} and
 * {@link #max()} are NaN when no value contributed one.
 *
 * <p>Concurrency: none. This class is mutable and not thread-safe; one thread (the collection
 * path) owns an instance at a time. Nothing here is wait-free or lock-free because nothing is
 * shared: the cell's drain is the concurrent boundary (see {@link ExponentialHistogram} for what a
 * drain concurrent with records observes, in particular that a drained delta's sum and min/max may
 * include an observation whose count arrives with the next drain).
 */
public final class ExponentialHistogramData {
  /** The default bucket limit per sign for export, as in the OpenTelemetry SDK. */
  public static final int DEFAULT_MAX_BUCKETS = 160;

  private final int scale;
  private final BucketWindow positive = new BucketWindow();
  private final BucketWindow negative = new BucketWindow();
  private long zeroCount;
  private long dropped;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /**
   * Empty data at {@code scale}.
   *
   * @throws IllegalArgumentException if {@code scale} is outside [-10, 20]
   */
  public ExponentialHistogramData(int scale) {
    if (scale < ExponentialIndexer.MIN_SCALE || scale > ExponentialIndexer.MAX_SCALE) {
      throw new IllegalArgumentException(
          "exponential histogram scale " + scale + " is invalid: it must be in [-10, 20]");
    }
    this.scale = scale;
  }

  /** The scale of the buckets. */
  public int scale() {
    return scale;
  }

  /** Observations counted: the zero count plus every positive and negative bucket. */
  public long count() {
    return zeroCount + positive.total() + negative.total();
  }

  /** The sum of the values recorded. */
  public double sum() {
    return sum;
  }

  /** The smallest recorded value, or NaN if none. */
  public double min() {
    return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
  }

  /** The largest recorded value, or NaN if none. */
  public double max() {
    return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
  }

  /** How many values were exactly zero. */
  public long zeroCount() {
    return zeroCount;
  }

  /** NaN and infinite values offered to the cell and not recorded. */
  public long dropped() {
    return dropped;
  }

  /** The count of positive bucket {@code index} (values in {@code (2^(i/2^s), 2^((i+1)/2^s)]}). */
  public long positiveCount(int index) {
    return positive.get(index);
  }

  /** The count of negative bucket {@code index} (absolute values in that bucket's range). */
  public long negativeCount(int index) {
    return negative.get(index);
  }

  /** True when nothing at all is held: no count, no dropped value, no sum, min or max. */
  public boolean isEmpty() {
    return count() == 0
        && dropped == 0
        && sum == 0
        && min == Double.POSITIVE_INFINITY
        && max == Double.NEGATIVE_INFINITY;
  }

  /**
   * Adds {@code other} into this data.
   *
   * @throws IllegalArgumentException if the scales differ
   */
  public void merge(ExponentialHistogramData other) {
    if (other.scale != scale) {
      throw new IllegalArgumentException(
          "cannot merge scale " + other.scale + " exponential histogram data into scale " + scale);
    }
    positive.addAll(other.positive);
    negative.addAll(other.negative);
    zeroCount += other.zeroCount;
    dropped += other.dropped;
    sum += other.sum;
    accumulateMin(other.min);
    accumulateMax(other.max);
  }

  /** An independent copy. */
  public ExponentialHistogramData copy() {
    ExponentialHistogramData copy = new ExponentialHistogramData(scale);
    copy.merge(this);
    return copy;
  }

  /** Back to empty, keeping the allocated windows for reuse. */
  public void clear() {
    positive.clear();
    negative.clear();
    zeroCount = 0;
    dropped = 0;
    sum = 0;
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
  }

  /**
   * The buckets at the largest scale, at most this data's, at which the positive and the negative
   * buckets each span at most {@code maxBuckets} indexes (one scale for both, as in OTLP). Going
   * down {@code k} scales merges bucket {@code i} into {@code i >> k}, which keeps every count.
   * The offsets are the first index of each array; arrays are empty (offset 0) for a sign with no
   * counts. This data is not changed. The scale never falls below -10 when {@code maxBuckets >=
   * 3}: at -10 the whole double range is three buckets.
   *
   * @throws IllegalArgumentException if {@code maxBuckets < 2}
   */
  public Downscaled downscale(int maxBuckets) {
    if (maxBuckets < 2) {
      throw new IllegalArgumentException(
          "maxBuckets " + maxBuckets + " is invalid: at least 2 buckets are needed");
    }
    int k = 0;
    while (positive.span(k) > maxBuckets || negative.span(k) > maxBuckets) {
      k++;
    }
    return new Downscaled(
        scale - k,
        zeroCount,
        positive.offset(k),
        positive.downscaled(k),
        negative.offset(k),
        negative.downscaled(k));
  }

  /**
   * Exponential histogram buckets at one scale, as OTLP carries them: {@code positiveCounts[j]}
   * is bucket {@code positiveOffset + j}. Prometheus native histograms take {@code scale} as the
   * schema (when it is in [-4, 8]) and key bucket {@code i} as {@code i + 1}.
   *
   * <pre>{@code
   * Downscaled d = data.downscale(160);   // e.g. scale 3, positiveOffset -12, positiveCounts [2, 0, 5]
   * }</pre>
   *
   * <p>Immutable by convention: the arrays are fresh for each call and nobody else holds them.
   */
  public record Downscaled(
      int scale,
      long zeroCount,
      int positiveOffset,
      long[] positiveCounts,
      int negativeOffset,
      long[] negativeCounts) {}

  void addPositive(int index, long n) {
    positive.add(index, n);
  }

  void addNegative(int index, long n) {
    negative.add(index, n);
  }

  void addZero(long n) {
    zeroCount += n;
  }

  void addDropped(long n) {
    dropped += n;
  }

  void addSum(double delta) {
    sum += delta;
  }

  void accumulateMin(double value) {
    if (value < min) {
      min = value;
    }
  }

  void accumulateMax(double value) {
    if (value > max) {
      max = value;
    }
  }

  @Override
  public String toString() {
    return "ExponentialHistogramData{scale="
        + scale
        + ", count="
        + count()
        + ", zero="
        + zeroCount
        + ", sum="
        + sum
        + ", dropped="
        + dropped
        + "}";
  }
}
