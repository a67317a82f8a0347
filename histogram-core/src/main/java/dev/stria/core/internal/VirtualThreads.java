package dev.stria.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether a thread is virtual, on a library compiled for Java 17: {@code Thread.isVirtual()}
 * exists from Java 21 on, so it is looked up once, by a method handle, and every thread is
 * platform on an older JDK. Called only off the recording fast path (a thread that owns no
 * stripe of the cell), where {@link LongStripes} keeps virtual threads out of owned padded
 * stripes and the table: they are many and short-lived, and each would leave a retired stripe, or
 * a table of shared padded stripes, behind.
 */
final class VirtualThreads {
  /** {@code Thread.isVirtual()}, or null before Java 21. */
  private static final MethodHandle IS_VIRTUAL = lookUpIsVirtual();

  private VirtualThreads() {}

  private static MethodHandle lookUpIsVirtual() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // Java 17 to 20: no virtual threads
    }
  }

  /** Whether {@code thread} is a virtual thread; false on a JDK without them. */
  static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      throw new IllegalStateException("Thread.isVirtual() failed", e); // it throws nothing
    }
  }
}
