package dev.stria;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The coarse clock that rate-limits exemplar sampling: a series looks for the current span at most
 * once per tick of this clock, and keeps an exemplar in a slot at least {@link #MIN_RETENTION_NANOS}.
 *
 * <p><b>Why a ticking clock.</b> Reading {@link System#nanoTime()} on every recording would cost
 * more than the recording itself (about 20 ns). client_java closes a per-series gate and schedules
 * a task to reopen it, one task per sample; here one daemon thread advances {@link #nowNanos}
 * every {@link #TICK_MILLIS} ms for every registry, and a recording compares it with the tick its
 * series last looked at: one plain load of a volatile field (a plain load on x86 and ARM's
 * load-acquire), and nothing allocated or scheduled per sample.
 *
 * <p>The same tick also keeps the offset from {@code System.nanoTime()} to the epoch, so that a
 * timer or an operation, which already read {@code nanoTime()} at its end, stamps its exemplar
 * without a second clock read ({@link #epochNanos(long)}).
 *
 * <p><b>Defaults and why.</b> A tick of 100 ms (client_java samples at most every 90 ms): ten
 * span lookups a second per series at most, which a service cannot notice, and still one exemplar
 * per slot well within a 15 s scrape interval. A minimum retention of 7 s per slot, as client_java:
 * a bucket that fills constantly does not replace its exemplar before a scrape can see it, and
 * lookups go to the buckets that have none.
 */
final class ExemplarClock {
  static final long TICK_MILLIS = 100;
  static final long MIN_RETENTION_NANOS = TimeUnit.SECONDS.toNanos(7);

  private static volatile ExemplarClock shared;

  /** Epoch nanoseconds at the latest tick; the value a series compares with its last look. */
  volatile long nowNanos;
  /** Epoch nanoseconds minus {@code System.nanoTime()}, measured at the latest tick. */
  private volatile long epochOffsetNanos;

  ExemplarClock() {
    tick();
  }

  /** The clock every registry uses, ticking on a daemon thread started on first use. */
  static ExemplarClock shared() {
    ExemplarClock clock = shared;
    if (clock == null) {
      synchronized (ExemplarClock.class) {
        clock = shared;
        if (clock == null) {
          clock = new ExemplarClock();
          Thread ticker = new Thread(clock::tickForever, "stria-exemplar-clock");
          ticker.setDaemon(true);
          ticker.start();
          shared = clock;
        }
      }
    }
    return clock;
  }

  private void tickForever() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return; // nobody else interrupts this thread: the JVM is going away
      }
      tick();
    }
  }

  /** Advances the clock to now (the ticker thread; tests call it by hand). */
  void tick() {
    long nano = System.nanoTime();
    long epoch = epochNanosNow();
    epochOffsetNanos = epoch - nano;
    nowNanos = Math.max(nowNanos + 1, epoch); // strictly increasing: each tick reopens the gates
  }

  /** The wall clock in epoch nanoseconds, as the registry reads it: exemplars and points agree. */
  static long epochNanosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** The epoch time of a {@code System.nanoTime()} reading, as of the latest tick. */
  long epochNanos(long nanoTime) {
    return nanoTime + epochOffsetNanos;
  }
}
