package dev.stria;

import dev.stria.snapshot.Exemplar;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The exemplars of one counter or histogram series: a few slots, each holding the latest
 * exemplar of its bucket, sampled from the current OpenTelemetry span or given by hand.
 *
 * <p><b>Recording path.</b> After the cell's record, a series asks {@link #exemplarDue()}: with
 * exemplars off or without the OpenTelemetry API that is one null check of a final field; with
 * them on, one comparison of the tick this series last looked at with {@link
 * ExemplarClock#nowNanos} with {@link #lookAfter}. Only when the gate is open does {@link
 * #offerFromSpan} choose the slot the value would go to; if that slot holds an exemplar younger
 * than {@link ExemplarClock#MIN_RETENTION_NANOS}, it returns without looking (the next recording,
 * perhaps into a rarer bucket, may be luckier); otherwise it shuts the gate until the next tick
 * and reads the current span. So a series reads the span at most once per tick, and allocates one
 * {@link Exemplar} when the span is sampled: at most one a tick. Once every slot holds a young
 * exemplar, the gate stays shut until the oldest grows stale.
 *
 * <p><b>Concurrency.</b> {@link #lookAfter} is a plain field that recording threads write without
 * coordination: two threads may both see a new tick and both look (a lost update, or a torn
 * {@code long} on a 32-bit JVM, costs a second lookup or a skipped one, never a wrong value). Slots are plain array elements: an {@link Exemplar} has only final
 * fields, so a collection that sees a reference sees its values (JLS 17.5); it may see the
 * previous exemplar of a slot, never a torn one. The slot array is created on the first exemplar
 * (series without exemplars pay only these three fields) by a compare-and-set, so two first
 * exemplars never create two arrays. No recording thread ever waits.
 */
abstract class ExemplarSeries {
  /** "No {@code System.nanoTime()} reading at hand": read it only when an exemplar is kept. */
  static final long NO_TIME = Long.MIN_VALUE;
  /** The slots of a histogram without explicit bounds (as client_java's native histograms). */
  static final int FEW = 4;

  private static final System.Logger LOG = System.getLogger(ExemplarSeries.class.getName());
  private static final VarHandle SLOTS;
  private static volatile boolean lookupFailureLogged; // once per JVM: a racing second is harmless

  static {
    try {
      SLOTS = MethodHandles.lookup().findVarHandle(ExemplarSeries.class, "slots", Exemplar[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The clock of sampling from the current span; null when that is off or the API absent. */
  private final ExemplarClock spanClock;
  private final boolean exemplarsOn;
  /**
   * The clock time from which this series may read the current span again: the next tick after
   * a look, or when every slot is full and young, the time the oldest grows stale (plain; see the
   * class javadoc).
   */
  private long lookAfter;
  private volatile Exemplar[] slots;

  ExemplarSeries(ExemplarSettings settings) {
    this.exemplarsOn = settings != null;
    this.spanClock = settings == null ? null : settings.spanClock();
  }

  /** The slot of {@code value}'s bucket, or -1 when slots have no bucket ({@link #FEW}). */
  abstract int slotOf(double value);

  /** How many slots this series keeps. */
  abstract int slotCount();

  /** Whether this recording should offer an exemplar: sampling on, and the gate open. */
  final boolean exemplarDue() {
    ExemplarClock clock = spanClock;
    return clock != null && clock.nowNanos >= lookAfter;
  }

  /**
   * Keeps {@code value} with the current span if it is sampled and its slot is free or stale.
   * {@code nanoTime} is the recording's {@code System.nanoTime()} or {@link #NO_TIME}.
   */
  final void offerFromSpan(double value, long nanoTime) {
    ExemplarClock clock = spanClock;
    long now = clock.nowNanos;
    int slot = slotToFill(value, slots, now);
    if (slot < 0) {
      return; // a young exemplar: leave the gate open for a value bound elsewhere
    }
    lookAfter = now + 1; // the next tick: ticks are strictly increasing
    Exemplar exemplar;
    try {
      exemplar = CurrentSpan.sampled(value, nanoTime, clock);
    } catch (RuntimeException | LinkageError e) {
      // An incomplete OpenTelemetry on the class path (opentelemetry-api without -context or
      // -common) must not fail the recording that happened to look.
      if (!lookupFailureLogged) {
        lookupFailureLogged = true;
        LOG.log(System.Logger.Level.WARNING, "exemplars: reading the current OpenTelemetry span"
            + " failed; no exemplar is kept from spans while this lasts", e);
      }
      return;
    }
    if (exemplar != null) {
      store(slot, exemplar);
      lookAfter = Math.max(now + 1, oldestStaleAt(slots));
    }
  }

  /**
   * When the oldest of a full set of slots grows stale; {@code Long.MIN_VALUE} while a slot is
   * empty. Until then no value could be kept, so the gate stays shut: a histogram whose buckets
   * all hold young exemplars costs the one comparison of {@link #exemplarDue()}.
   */
  private static long oldestStaleAt(Exemplar[] current) {
    long oldest = Long.MAX_VALUE;
    for (Exemplar e : current) {
      if (e == null) {
        return Long.MIN_VALUE;
      }
      oldest = Math.min(oldest, e.epochNanos());
    }
    return oldest + ExemplarClock.MIN_RETENTION_NANOS;
  }

  /**
   * Keeps an exemplar given by hand, replacing its slot whatever its age.
   *
   * @throws IllegalArgumentException if an id is not lowercase hex of its length (32 and 16), or
   *     all zero
   */
  final void keep(double value, String traceId, String spanId) {
    Exemplar exemplar = new Exemplar(value, ExemplarClock.epochNanosNow(), traceId, spanId);
    if (exemplarsOn) {
      store(slotToFill(value, slots, Long.MAX_VALUE), exemplar); // every slot is stale then
    }
  }

  /** The slot to fill with {@code value} at {@code now}, or -1 if every candidate is fresh. */
  private int slotToFill(double value, Exemplar[] current, long now) {
    int slot = slotOf(value);
    if (current == null) {
      return Math.max(slot, 0);
    }
    if (slot >= 0) {
      return stale(current[slot], now) ? slot : -1;
    }
    return slotAmongFew(value, current, now);
  }

  /**
   * As client_java keeps a native histogram's exemplars: an empty slot; else the smallest value
   * if this one is smaller, the largest if this one is larger, else the oldest of the others —
   * each only once stale. So the extremes, which are what one looks for, stay.
   */
  private static int slotAmongFew(double value, Exemplar[] current, long now) {
    int smallest = -1;
    int largest = -1;
    for (int i = 0; i < current.length; i++) {
      Exemplar e = current[i];
      if (e == null) {
        return i;
      }
      if (smallest < 0 || e.value() < current[smallest].value()) {
        smallest = i;
      }
      if (largest < 0 || e.value() > current[largest].value()) {
        largest = i;
      }
    }
    if (value < current[smallest].value()) {
      return stale(current[smallest], now) ? smallest : -1;
    }
    if (value > current[largest].value()) {
      return stale(current[largest], now) ? largest : -1;
    }
    int oldest = -1;
    for (int i = 0; i < current.length; i++) {
      if (i != smallest && i != largest
          && (oldest < 0 || current[i].epochNanos() < current[oldest].epochNanos())) {
        oldest = i;
      }
    }
    return oldest >= 0 && stale(current[oldest], now) ? oldest : -1;
  }

  private static boolean stale(Exemplar exemplar, long now) {
    return exemplar == null || now - exemplar.epochNanos() >= ExemplarClock.MIN_RETENTION_NANOS;
  }

  private void store(int slot, Exemplar exemplar) {
    Exemplar[] current = slots;
    if (current == null) {
      current = new Exemplar[slotCount()];
      if (!SLOTS.compareAndSet(this, null, current)) {
        current = slots;
      }
    }
    current[slot] = exemplar;
  }

  /**
   * The exemplars recorded after {@code afterEpochNanos}, in slot (bucket) order: a delta reader
   * passes its previous collection's time, a cumulative one {@code Long.MIN_VALUE} for the latest
   * of every slot. An exemplar kept while a collection runs may be missed by that delta reader.
   */
  final List<Exemplar> exemplarsAfter(long afterEpochNanos) {
    Exemplar[] current = slots;
    if (current == null) {
      return List.of();
    }
    List<Exemplar> out = new ArrayList<>(current.length);
    for (Exemplar e : current) {
      if (e != null && e.epochNanos() > afterEpochNanos) {
        out.add(e);
      }
    }
    return out;
  }
}
