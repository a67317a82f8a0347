package dev.stria.prometheus;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers conversions between scrapes (label sets, metric names), so that a steady registry is
 * converted without recomputing or reallocating them, and forgets the entries that recent scrapes
 * no longer used, so that memory follows the live series.
 *
 * <p>Keys are compared by equality, or by identity where the producer reuses its key objects
 * (a registry's series keep one {@code Labels} instance for their lifetime): an identity lookup
 * costs no hashing of the label strings. A producer that makes new keys every scrape only loses
 * the memo's benefit, not correctness.
 *
 * <p>Each entry records the last scrape that used it. When a scrape ends and fewer than half of
 * the entries were used, the unused ones are dropped: the sweep costs O(entries) but runs only
 * after at least as many series disappeared as remain. Not thread-safe: one scrape at a time.
 */
final class ScrapeMemo<K, V> {
  /** One remembered conversion; a caller may keep it to find it again without a lookup. */
  static final class Entry<K, V> {
    final K key;
    final V value;
    long lastUsed;

    private Entry(K key, V value) {
      this.key = key;
      this.value = value;
    }
  }

  private final Map<K, Entry<K, V>> entries;
  private final Function<? super K, ? extends V> compute;
  private long scrape;
  private int usedThisScrape;

  private ScrapeMemo(Map<K, Entry<K, V>> entries, Function<? super K, ? extends V> compute) {
    this.entries = entries;
    this.compute = compute;
  }

  /** A memo whose keys are compared with {@code equals}. */
  static <K, V> ScrapeMemo<K, V> byEquality(Function<? super K, ? extends V> compute) {
    return new ScrapeMemo<>(new HashMap<>(), compute);
  }

  /** A memo whose keys are compared with {@code ==}. */
  static <K, V> ScrapeMemo<K, V> byIdentity(Function<? super K, ? extends V> compute) {
    return new ScrapeMemo<>(new IdentityHashMap<>(), compute);
  }

  /** The value for {@code key}, computed on first use. */
  V get(K key) {
    return entry(key).value;
  }

  /** The entry for {@code key}, computed on first use, marked as used by this scrape. */
  Entry<K, V> entry(K key) {
    Entry<K, V> entry = entries.get(key);
    if (entry == null) {
      entry = new Entry<>(key, compute.apply(key));
      entry.lastUsed = scrape - 1;
      entries.put(key, entry);
    }
    return reuse(entry);
  }

  /**
   * Marks an entry that the caller kept from {@link #entry} as used by this scrape, as a lookup
   * would, and returns it. The entry must have been used by the previous scrape or this one, so
   * that no sweep has dropped it since.
   */
  Entry<K, V> reuse(Entry<K, V> entry) {
    if (entry.lastUsed != scrape) {
      entry.lastUsed = scrape;
      usedThisScrape++;
    }
    return entry;
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
