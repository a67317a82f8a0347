package dev.stria.jmh.virtual;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Virtual threads for a module compiled for Java 17: {@code
 * Executors.newVirtualThreadPerTaskExecutor()} found by a method handle when the running JDK has
 * it (21 and later), absent otherwise, so that callers can skip rather than fail.
 */
public final class VirtualThreads {
  private static final MethodHandle NEW_EXECUTOR = findExecutorFactory();

  private VirtualThreads() {}

  private static MethodHandle findExecutorFactory() {
    try {
      return MethodHandles.publicLookup().findStatic(
          java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
          MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  /** Whether this JDK has virtual threads. */
  public static boolean available() {
    return NEW_EXECUTOR != null;
  }

  /** Why a caller cannot run here, for its skip message. */
  public static String unavailableReason() {
    return "virtual threads need Java 21 or later; this is Java "
        + System.getProperty("java.version");
  }

  /**
   * Runs {@code task} for {@code 0 .. tasks - 1}, each call on its own new virtual thread, and
   * returns once all have finished; the first exception a task threw is rethrown.
   */
  public static void runEach(int tasks, IntConsumer task) {
    if (NEW_EXECUTOR == null) {
      throw new IllegalStateException(unavailableReason());
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService executor = newExecutor();
    for (int i = 0; i < tasks; i++) {
      int index = i;
      executor.execute(() -> {
        try {
          task.accept(index);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
    }
    executor.shutdown();
    try {
      while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: a batch of short tasks finishes, however slow the machine
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the virtual threads", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a task on a virtual thread failed", failure.get());
    }
  }

  private static ExecutorService newExecutor() {
    try {
      return (ExecutorService) NEW_EXECUTOR.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
