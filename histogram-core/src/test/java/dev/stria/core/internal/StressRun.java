package dev.stria.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs writer threads to completion while a drainer runs in a tight loop, so that drains
 * interleave with records as much as possible, and counts the drains that really ran while a
 * writer was writing: a stress test asserts that number, or it proves nothing. A writer calls
 * {@link #midpoint()} halfway through its records: it returns once two more drains have completed,
 * so on a loaded machine too some drains surely ran in the middle of the writes.
 *
 * <p>Longer runs by hand: {@code -Dstria.stress.seconds=60} repeats each stress scenario (each
 * round checked exactly) until that many seconds have passed, e.g. {@code mvn -B -o verify -pl
 * histogram-core -Dstria.stress.seconds=120}.
 */
final class StressRun {
  private StressRun() {}

  /** The drains completed by the run the current writer thread belongs to. */
  private static final ThreadLocal<AtomicInteger> DRAINS_OF_MY_RUN = new ThreadLocal<>();

  /**
   * Called by a writer in the middle of its records: waits until the drainer has completed two
   * more drains (so at least one ran entirely while this writer was inside its body). The waiting
   * is the test's, never the recording path's.
   */
  static void midpoint() {
    AtomicInteger drains = DRAINS_OF_MY_RUN.get();
    if (drains == null) {
      throw new IllegalStateException("midpoint() is for writers started by StressRun.run");
    }
    int target = drains.get() + 2;
    long giveUp = System.nanoTime() + 60_000_000_000L;
    while (drains.get() < target) {
      if (System.nanoTime() - giveUp > 0) {
        throw new AssertionError("the drainer completed no drain in 60 s");
      }
      Thread.yield();
    }
  }

  /** A scenario that is repeated, and checked, in each round. */
  @FunctionalInterface
  interface Round {
    void run() throws Exception;
  }

  /**
   * Runs {@code round} once, or repeatedly until {@code stria.stress.seconds} have passed.
   *
   * @return the number of rounds run
   */
  static int repeat(Round round) throws Exception {
    long seconds = Long.getLong("stria.stress.seconds", 0);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int rounds = 0;
    do {
      round.run();
      rounds++;
    } while (System.nanoTime() - deadline < 0);
    return rounds;
  }

  /**
   * @param writers the number of writer threads
   * @param writer the body of writer {@code t}
   * @param drain called in a loop on a separate thread until every writer finished; the caller
   *     drains once more afterwards
   * @return the number of drains that started and ended while at least one writer was inside its
   *     body: drains that really overlapped the writes
   */
  static int run(int writers, IntConsumer writer, Runnable drain) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger active = new AtomicInteger();
    AtomicInteger completedDrains = new AtomicInteger();
    CountDownLatch firstWriterIn = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  DRAINS_OF_MY_RUN.set(completedDrains);
                  active.incrementAndGet();
                  firstWriterIn.countDown();
                  try {
                    writer.accept(id);
                  } finally {
                    active.decrementAndGet();
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              },
              "writer-" + t));
    }
    int[] overlapping = new int[1];
    Thread drainer =
        new Thread(
            () -> {
              try {
                start.await();
                firstWriterIn.await();
                while (writing.get()) {
                  boolean writerBefore = active.get() > 0;
                  drain.run();
                  if (writerBefore && active.get() > 0) {
                    overlapping[0]++;
                  }
                  completedDrains.incrementAndGet();
                }
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "drainer");
    threads.forEach(Thread::start);
    drainer.start();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    writing.set(false);
    drainer.join();
    if (failure.get() != null) {
      throw new AssertionError("a stress thread failed", failure.get());
    }
    return overlapping[0];
  }
}
