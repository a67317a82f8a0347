package dev.stria;

import java.lang.management.ManagementFactory;

/** How much the current thread has allocated, for tests that a path allocates nothing. */
final class AllocatedBytes {
  private AllocatedBytes() {}

  /**
   * HotSpot's count of the bytes this thread allocated, through reflection: the api module does
   * not read jdk.management, which exports {@code com.sun.management.ThreadMXBean}.
   */
  static long ofThisThread() {
    try {
      Object bean = ManagementFactory.getThreadMXBean();
      return (Long) Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
