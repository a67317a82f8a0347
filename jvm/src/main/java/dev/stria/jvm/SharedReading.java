package dev.stria.jvm;

import java.util.function.Supplier;

/**
 * A reading that the callbacks of one collection share: taken again when the last one is older
 * than a millisecond. A collection calls its callbacks one after the other, so {@code
 * jvm.memory.used}, {@code .committed} and {@code .limit} read each memory pool once, not three
 * times, and {@code jvm.cpu.time}, {@code process.cpu.time} and {@code
 * jvm.cpu.recent_utilization} ask the operating system once; collections further apart than that
 * always read afresh.
 *
 * <p>Thread-safe without a lock: concurrent collections may each take a reading, and the last
 * one written wins; every reading handed out is a whole one (an immutable record behind a
 * volatile field).
 */
final class SharedReading<T> {
  static final long MAX_AGE_NANOS = 1_000_000;

  private record Taken<T>(long nanoTime, T value) {}

  private final Supplier<T> source;
  private volatile Taken<T> last;

  SharedReading(Supplier<T> source) {
    this.source = source;
  }

  T get() {
    long now = System.nanoTime();
    Taken<T> taken = last;
    if (taken == null || now - taken.nanoTime > MAX_AGE_NANOS) {
      taken = new Taken<>(now, source.get());
      last = taken;
    }
    return taken.value;
  }
}
