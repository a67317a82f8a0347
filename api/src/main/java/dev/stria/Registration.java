package dev.stria;

/**
 * A handle on a callback instrument; {@link #close()} unregisters it so later collections no
 * longer call the callback.
 *
 * <pre>{@code
 * Registration heap = registry.gauge("jvm.memory.used").unit("By").callback(this::heapUsed);
 * ...
 * heap.close();
 * }</pre>
 */
public interface Registration extends AutoCloseable {
  /** Unregisters the callback instrument; its name may then be registered again. Idempotent. */
  @Override
  void close();
}
