package dev.stria;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of one instrument by key: an open-addressing hash table whose lookups allocate
 * nothing and take no lock, so that {@code labels("GET", "200").inc()} on every call costs a hash
 * of the values and a compare, not a key object per call. How keys hash and compare is a {@link
 * Keying}: label values are hashed in place ({@link #LABEL_VALUES}), a bridge's attribute set by
 * its own {@code hashCode} and {@code equals} ({@link #objects()}).
 *
 * <p><b>Concurrency.</b> Lookups ({@link #get}) read the current table (a volatile field) and its
 * slots with acquire loads. Entries are immutable, and a slot is written once with a release
 * store, so a lookup sees either null or a complete entry. Changes ({@link #put}, {@link
 * #remove}, {@link #clear}) are serialised by the caller; a removal or a growth builds a new
 * table and publishes it whole, so a lookup racing a removal may still return the removed series,
 * as a {@code ConcurrentHashMap} would. The table is at most half full, so a probe always ends at
 * an empty slot.
 *
 * @param <K> the key of a series
 * @param <S> the series type
 */
final class SeriesIndex<K, S> {
  /** How a kind of key hashes and compares. */
  interface Keying<K> {
    int hash(K key);

    /** Whether {@code probe} (which may hold anything the caller passed) equals {@code stored}. */
    boolean same(K stored, K probe);
  }

  /**
   * Label values, compared element by element; a null value hashes as 0 and is never found. An
   * index with these keys is also searched without the interface, by {@link #getValues} and its
   * fixed-arity forms, which hash and compare the same way.
   */
  static final Keying<String[]> LABEL_VALUES = new Keying<>() {
    @Override
    public int hash(String[] values) {
      return valuesHash(values);
    }

    @Override
    public boolean same(String[] stored, String[] probe) {
      return sameValues(stored, probe);
    }
  };

  private static final Keying<Object> OBJECTS = new Keying<>() {
    @Override
    public int hash(Object key) {
      return key.hashCode();
    }

    @Override
    public boolean same(Object stored, Object probe) {
      return stored.equals(probe);
    }
  };

  /** Immutable keys with content {@code equals} and a cheap (ideally cached) {@code hashCode}. */
  @SuppressWarnings("unchecked")
  static <K> Keying<K> objects() {
    return (Keying<K>) OBJECTS;
  }

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final int INITIAL_CAPACITY = 8;

  /**
   * One series and its key. A label-value key's first two values are also kept here, so that the
   * fixed-arity lookups compare them without loading the key array: one dependent load (and, at
   * a hundred series and more, one likely cache miss) less per lookup.
   */
  private static final class Entry<K, S> {
    final int hash;
    /** The key's first label value ({@link #LABEL_VALUES} keys), else null. */
    final String first;
    /** The key's second label value ({@link #LABEL_VALUES} keys of two or more), else null. */
    final String second;
    final K key;
    final S series;

    Entry(int hash, K key, S series, boolean labelValues) {
      this.hash = hash;
      this.key = key;
      this.series = series;
      String[] values = labelValues ? (String[]) key : null;
      this.first = values != null && values.length > 0 ? values[0] : null;
      this.second = values != null && values.length > 1 ? values[1] : null;
    }
  }

  private final Keying<K> keying;
  private volatile Object[] table = new Object[INITIAL_CAPACITY];
  private int size; // guarded by the caller's lock, read racily by size()

  SeriesIndex(Keying<K> keying) {
    this.keying = keying;
  }

  /** The series for {@code key}, or null. No lock, no allocation. */
  @SuppressWarnings("unchecked")
  S get(K key) {
    int hash = spread(keying.hash(key));
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && keying.same(entry.key, key)) {
        return entry.series;
      }
    }
  }

  /*
   * The label-value lookups below are get() written out for LABEL_VALUES keys (K is String[]):
   * no Keying call, which turns megamorphic once bridges' indexes run too, and, in the fixed-arity
   * forms, no array for the caller to build. Each hashes as Arrays.hashCode would (String caches
   * its own hash, so this is a few multiply-adds) and compares by identity first: callers mostly
   * pass the very String (a literal, a constant) the series was created with. The fixed-arity
   * forms are for an index whose keys all have that many values (a LabelValueTable's, whose
   * arity is fixed): they compare the values the entry keeps, not the key's length.
   */

  /** {@link #get} for {@link #LABEL_VALUES} keys; a null value is never found. */
  @SuppressWarnings("unchecked")
  S getValues(String[] values) {
    int hash = spread(valuesHash(values));
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && sameValues((String[]) entry.key, values)) {
        return entry.series;
      }
    }
  }

  /** {@link #get} for a one-value {@link #LABEL_VALUES} key (as all here), {@code a} not null. */
  @SuppressWarnings("unchecked")
  S getValues(String a) {
    int hash = spread(31 + a.hashCode());
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && same(entry.first, a)) {
        return entry.series;
      }
    }
  }

  /** {@link #get} for a two-value {@link #LABEL_VALUES} key (as all here), no value null. */
  @SuppressWarnings("unchecked")
  S getValues(String a, String b) {
    int hash = spread(31 * (31 + a.hashCode()) + b.hashCode());
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && same(entry.first, a) && same(entry.second, b)) {
        return entry.series;
      }
    }
  }

  /** {@link #get} for a three-value {@link #LABEL_VALUES} key (as all here), no value null. */
  @SuppressWarnings("unchecked")
  S getValues(String a, String b, String c) {
    int hash = spread(31 * (31 * (31 + a.hashCode()) + b.hashCode()) + c.hashCode());
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && same(entry.first, a) && same(entry.second, b)
          && same(((String[]) entry.key)[2], c)) {
        return entry.series;
      }
    }
  }

  /** {@code Arrays.hashCode(values)}, spelled out so the fixed-arity lookups can match it. */
  private static int valuesHash(String[] values) {
    int h = 1;
    for (String value : values) {
      h = 31 * h + (value == null ? 0 : value.hashCode());
    }
    return h;
  }

  /** Whether the probe holds the stored (never null) values; a null probe value never matches. */
  private static boolean sameValues(String[] stored, String[] probe) {
    if (stored.length != probe.length) {
      return false;
    }
    for (int i = 0; i < stored.length; i++) {
      if (!same(stored[i], probe[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String stored, String probe) {
    return stored == probe || stored.equals(probe);
  }

  /** Adds a series for a key not in the table; the key must not change afterwards. */
  void put(K key, S series) {
    if ((size + 1) * 2 > table.length) {
      table = rebuilt(table.length * 2, null);
    }
    insert(table, new Entry<>(spread(keying.hash(key)), key, series, keying == LABEL_VALUES));
    size++;
  }

  /** Removes the series for {@code key}; returns whether there was one. */
  boolean remove(K key) {
    if (get(key) == null) {
      return false;
    }
    table = rebuilt(table.length, key);
    size--;
    return true;
  }

  void clear() {
    table = new Object[INITIAL_CAPACITY];
    size = 0;
  }

  int size() {
    return size;
  }

  /** The series now in the table. */
  @SuppressWarnings("unchecked")
  List<S> values() {
    Object[] t = table;
    List<S> all = new ArrayList<>(size);
    for (int i = 0; i < t.length; i++) {
      Entry<K, S> entry = (Entry<K, S>) SLOT.getAcquire(t, i);
      if (entry != null) {
        all.add(entry.series);
      }
    }
    return all;
  }

  /**
   * The most slots a lookup of a series in the table reads, its own included: how well keys are
   * spread (for tests).
   */
  int longestProbe() {
    Object[] t = table;
    int mask = t.length - 1;
    int longest = 0;
    for (int i = 0; i < t.length; i++) {
      Entry<?, ?> entry = (Entry<?, ?>) t[i];
      if (entry != null) {
        longest = Math.max(longest, ((i - slot(entry.hash, mask)) & mask) + 1);
      }
    }
    return longest;
  }

  /** A table of {@code capacity} slots with every entry but the one for {@code without}. */
  @SuppressWarnings("unchecked")
  private Object[] rebuilt(int capacity, K without) {
    Object[] fresh = new Object[capacity];
    for (Object slot : table) {
      Entry<K, S> entry = (Entry<K, S>) slot;
      if (entry != null && (without == null || !keying.same(entry.key, without))) {
        insert(fresh, entry);
      }
    }
    return fresh;
  }

  private static void insert(Object[] t, Entry<?, ?> entry) {
    int mask = t.length - 1;
    int i = slot(entry.hash, mask);
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    SLOT.setRelease(t, i, entry); // the entry's fields before the slot: StoreStore
  }

  /**
   * Scrambles a key's hash so that keys whose hashes are close (label values differing in their
   * last characters, such as {@code "/route/1"} to {@code "/route/128"}, whose {@code String}
   * hashes are runs of consecutive integers) land far apart: Fibonacci hashing, a multiplication
   * by 2^32 divided by the golden ratio, whose high bits depend on every bit of the hash. Linear
   * probing on the hash's low bits instead put such runs into one long cluster (up to 19 probes
   * for 128 such values in 256 slots, 2.4 on average; here at most 2).
   */
  private static int spread(int h) {
    return h * 0x9E3779B9;
  }

  /** The first slot for a spread hash in a table of {@code mask + 1} slots: its high bits. */
  private static int slot(int hash, int mask) {
    return hash >>> Integer.numberOfLeadingZeros(mask);
  }
}
