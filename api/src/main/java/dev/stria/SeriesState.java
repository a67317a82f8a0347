package dev.stria;

import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.Arrays;
import java.util.List;

/**
 * The collection side of one series: it drains the series' recording cells and keeps what each
 * reader has not reported yet.
 *
 * <p><b>Protocol.</b> Writers only touch the cells, never this state. Collections of this series
 * are serialised by {@code synchronized} on it, so two readers collecting at once take turns per
 * series (for the time of one drain, O(stripes x buckets)), and no writer ever waits. Each
 * collection:
 *
 * <ol>
 *   <li>drains the cells into an empty delta, the collecting reader's scratch for this shape of
 *       series (an exchange or a read-and-subtract: each recording is drained exactly once);
 *   <li>only then reads the registry's open readers, and adds the delta to the cumulative total
 *       and to the pending delta of every open reader that wants deltas for this instrument kind;
 *   <li>reports the cumulative total, or its own pending delta, which it then empties.
 * </ol>
 *
 * So every recording reaches the cumulative total once and every delta reader's pending data
 * once, whichever reader happened to drain it: readers are independent and exact.
 *
 * <p><b>A reader created during another reader's collection</b> gets every recording made after
 * {@code newReader(..)} returned. Such a recording's release store is what the drain reads (an
 * acquire read or an exchange, see {@code StripeReadings}), and {@code newReader} published the
 * reader (a volatile write of the open readers) before that store, so the open readers this drain
 * reads next include the new reader. Reading them at the start of the collection instead would
 * hand later drains' recordings only to the readers that were open then. A recording made before
 * {@code newReader} and drained after it may reach the new reader too (its first delta may start
 * a little early); one that a closed reader's {@code forgetReader} already passed is never added
 * back, because both run under this series' lock and the reader left the open readers first.
 *
 * <p><b>Exemplars</b> are not drained: a series keeps the latest of each slot ({@link
 * ExemplarSeries}), which cumulative points report, while a delta point reports those kept after
 * its reader's previous collection.
 *
 * @param <D> the mutable accumulation of this kind of series (a sum, a histogram)
 */
abstract class SeriesState<D> implements CollectableSeries {
  private static final Object[] NO_PENDING = new Object[0];

  final Labels labels;
  final long startEpochNanos;
  private final ExemplarSeries exemplars; // null: a series without exemplars
  private D cumulative;
  private Object[] pendingByReaderSlot = NO_PENDING;

  SeriesState(Labels labels, long startEpochNanos, ExemplarSeries exemplars) {
    this.labels = labels;
    this.startEpochNanos = startEpochNanos;
    this.exemplars = exemplars;
  }

  /** Adds everything recorded since the previous drain to {@code target}. */
  abstract void drainInto(D target);

  abstract D empty();

  /** Empties {@code data} for reuse. */
  abstract void clear(D data);

  /** An object shared by every series whose accumulations have the same shape. */
  abstract Object shape();

  /** Adds {@code delta} to {@code total}. */
  abstract void merge(D total, D delta);

  abstract boolean isEmpty(D data);

  abstract PointSnapshot point(D data, long startEpochNanos, long epochNanos,
      List<Exemplar> exemplars);

  private List<Exemplar> exemplarsAfter(long epochNanos) {
    return exemplars == null ? List.of() : exemplars.exemplarsAfter(epochNanos);
  }

  /** The point for {@code collection}, or null when a delta reader has nothing new. */
  @Override
  public synchronized PointSnapshot collect(Collection collection, MetricType type) {
    if (cumulative == null) {
      cumulative = empty();
    }
    D delta = collection.scratch(this);
    drainInto(delta);
    merge(cumulative, delta);
    for (RegistryReader reader : collection.openReaders()) { // after the drain: see above
      if (reader.temporality().temporalityFor(type) == Temporality.DELTA) {
        merge(pendingFor(reader.slot()), delta);
      }
    }
    clear(delta);
    if (collection.temporalityFor(type) == Temporality.CUMULATIVE) {
      return point(cumulative, startEpochNanos, collection.epochNanos,
          exemplarsAfter(Long.MIN_VALUE));
    }
    int slot = collection.reader.slot();
    D mine = pendingFor(slot);
    if (isEmpty(mine)) {
      // Nothing was counted, but keep what is pending: a recording that raced the drain may
      // have left its sum here while its count went to the next drain.
      return null;
    }
    pendingByReaderSlot[slot] = null;
    long start = collection.deltaStart(startEpochNanos);
    return point(mine, start, collection.epochNanos, exemplarsAfter(start));
  }

  @SuppressWarnings("unchecked")
  private D pendingFor(int slot) {
    if (slot >= pendingByReaderSlot.length) {
      pendingByReaderSlot = Arrays.copyOf(pendingByReaderSlot, slot + 1);
    }
    D pending = (D) pendingByReaderSlot[slot];
    if (pending == null) {
      pending = empty();
      pendingByReaderSlot[slot] = pending;
    }
    return pending;
  }

  /** Forgets what a closed reader had pending. */
  @Override
  public synchronized void forgetReader(int slot) {
    if (slot < pendingByReaderSlot.length) {
      pendingByReaderSlot[slot] = null;
    }
  }
}
