package dev.stria.jmh;

import dev.stria.core.internal.BucketBounds;
import dev.stria.core.internal.ExponentialHistogram;
import dev.stria.core.internal.ExponentialIndexer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a single-writer histogram record cannot avoid, for each record path to be judged against:
 * the bucket index of the value, then plain adds into a plain {@code long[]} the thread owns (one
 * to the bucket's count, one to the sum, kept as a double's bits). No striping, no thread lookup,
 * no publication to a collector, no min or max, no explicit view: a record that must be read
 * concurrently costs at least this much.
 *
 * <p>Each method draws its values exactly as the record path it is the floor of does:
 * <ul>
 *   <li>{@link #exponentialIndexPlainAdds}: {@code ExponentialHistogramBenchmark.stria} ({@link
 *       Cursor#exponentialSeconds()}, log-uniform 1 ms to 1000 s), at the default recording scale.
 *   <li>{@link #exponentialCellIndexPlainAdds}: {@code ExponentialCellBenchmark} at scale 5
 *       (log-uniform 1 to 10^6, 4096 values).
 *   <li>{@link #explicitIndexPlainAdds}: {@code HistogramBenchmark.stria} ({@link
 *       Cursor#explicitSeconds()}, the Prometheus default bounds).
 *   <li>{@link #explicitCellIndexPlainAdds}: {@code ExplicitCellBenchmark.striaExplicitRecord}
 *       ({@link Values#next()}, the Prometheus default bounds).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordFloorBenchmark {
  private static final int CELL_VALUES = 4096;
  /** More slots than any benchmark's values have buckets, so masking never folds two together. */
  private static final int SLOTS = 4096;
  private static final int SUM = SLOTS;

  private final ExponentialIndexer indexer =
      ExponentialIndexer.forScale(ExponentialHistogram.DEFAULT_RECORDING_SCALE);
  private final BucketBounds bounds =
      new BucketBounds(BucketBounds.prometheusDefault(), 1e-9);
  private final double[] cellValues = new double[CELL_VALUES];

  /** The same values as {@code ExponentialCellBenchmark.Cell}. */
  public RecordFloorBenchmark() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < CELL_VALUES; i++) {
      cellValues[i] = Math.pow(10, random.nextDouble(0, 6));
    }
  }

  /** One thread's plain counts and sum, and its position in {@link #cellValues}. */
  @State(Scope.Thread)
  public static class Counts {
    final long[] slots = new long[SLOTS + 1];
    int next;

    int advance() {
      int i = next;
      next = (i + 1) & (CELL_VALUES - 1);
      return i;
    }

    void add(int bucket, double value) {
      slots[bucket & (SLOTS - 1)]++;
      slots[SUM] = Double.doubleToRawLongBits(Double.longBitsToDouble(slots[SUM]) + value);
    }
  }

  /** The floor of {@code ExponentialHistogramBenchmark.stria}. */
  @Benchmark
  public void exponentialIndexPlainAdds(Counts counts, Cursor cursor) {
    double value = cursor.exponentialSeconds();
    counts.add(indexer.index(value), value);
  }

  /** The floor of {@code ExponentialCellBenchmark.striaExponentialRecord} at scale 5. */
  @Benchmark
  public void exponentialCellIndexPlainAdds(Counts counts) {
    double value = cellValues[counts.advance()];
    counts.add(indexer.index(value), value);
  }

  /** The floor of {@code HistogramBenchmark.stria}. */
  @Benchmark
  public void explicitIndexPlainAdds(Counts counts, Cursor cursor) {
    double value = cursor.explicitSeconds();
    counts.add(bounds.indexOf(value), value);
  }

  /** The floor of {@code ExplicitCellBenchmark.striaExplicitRecord}. */
  @Benchmark
  public void explicitCellIndexPlainAdds(Counts counts, Values values) {
    double value = values.next();
    counts.add(bounds.indexOf(value), value);
  }
}
