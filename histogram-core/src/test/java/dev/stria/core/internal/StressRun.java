package dev.stria.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs writer threads to completion while a drainer runs in a tight loop on the calling thread's
 * behalf, so that drains interleave with records as much as possible.
 */
final class StressRun {
  private StressRun() {}

  /**
   * @param writers the number of writer threads
   * @param writer the body of writer {@code t}
   * @param drain called in a loop on a separate thread until every writer finished; the caller
   *     drains once more afterwards
   * @return the number of drains performed during the writes
   */
  static int run(int writers, IntConsumer writer, Runnable drain) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  writer.accept(id);
                } catch (Throwable e) {
                  failure.set(e);
                }
              },
              "writer-" + t));
    }
    int[] drains = new int[1];
    Thread drainer =
        new Thread(
            () -> {
              try {
                start.await();
                while (writing.get()) {
                  drain.run();
                  drains[0]++;
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
    return drains[0];
  }
}
