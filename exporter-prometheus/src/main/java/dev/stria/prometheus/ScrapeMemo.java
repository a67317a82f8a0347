package dev.stria.prometheus;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers conversions between scrapes (label sets, metric names), so that a steady registry is
 * converted without recomputing or reallocating them, and forgets the entries that recent scrapes
 * no longer used, so that memory follows the live series.
 *
 * <p>Each entry records the last scrape that used it. When a scrape ends and fewer than half of
 * the entries were used, the unused ones are dropped: the sweep costs O(entries) but runs only
 * after at least as many series disappeared as remain. Not thread-safe: one scrape at a time.
 */
final class ScrapeMemo<K, V> {
  private static final class Entry<V> {
    final V value;
    long lastUsed;

    Entry(V value) {
      this.value = value;
    }
  }

  private final Map<K, Entry<V>> entries = new HashMap<>();
  private final Function<? super K, ? extends V> compute;
  private long scrape;
  private int usedThisScrape;

  ScrapeMemo(Function<? super K, ? extends V> compute) {
    this.compute = compute;
  }

  /** The value for {@code key}, computed on first use. */
  V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      entry = new Entry<>(compute.apply(key));
      entry.lastUsed = scrape - 1;
      entries.put(key, entry);
    }
    if (entry.lastUsed != scrape) {
      entry.lastUsed = scrape;
      usedThisScrape++;
    }
    return entry.value;
  }

  /** Ends a scrape, dropping entries it did not use when they outnumber the used ones. */
  void endScrape() {
    if (entries.size() > 2 * usedThisScrape + 16) {
      long current = scrape;
      entries.values().removeIf(e -> e.lastUsed != current);
    }
    scrape++;
    usedThisScrape = 0;
  }

  int size() {
    return entries.size();
  }
}
