package dev.stria.core.internal;

import java.util.concurrent.CountDownLatch;

/** Small thread steps the stripe tests share. */
final class TestThreads {
  private TestThreads() {}

  /** Runs {@code body} on a new platform thread and waits until that thread has ended. */
  static void runToEnd(Runnable body) throws InterruptedException {
    Thread thread = new Thread(body);
    thread.start();
    thread.join();
  }

  /** Waits for {@code latch} inside a writer's lambda, where a checked exception cannot go. */
  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
