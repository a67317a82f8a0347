package dev.stria;

/**
 * A handle on a callback instrument; {@link #close()} unregisters it so later collections no
 * longer call the callback.
 *
 * <pre>{@code
 * Registration size = registry.gauge("cache.size").unit("{entry}").callback(cache::size);
 * ...
 * size.close();
 * }</pre>
 */
public interface Registration extends AutoCloseable {
  /** Unregisters the callback instrument; its name may then be registered again. Idempotent. */
  @Override
  void close();
}
