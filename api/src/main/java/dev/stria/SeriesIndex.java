package dev.stria;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of one instrument by label values: an open-addressing hash table whose lookups
 * allocate nothing and take no lock, so that {@code labels("GET", "200").inc()} on every call
 * costs a hash of the values and a compare, not a key object per call.
 *
 * <p><b>Concurrency.</b> Lookups ({@link #get}) read the current table (a volatile field) and its
 * slots with acquire loads. Entries are immutable, and a slot is written once with a release
 * store, so a lookup sees either null or a complete entry. Changes ({@link #put}, {@link
 * #remove}, {@link #clear}) are serialised by the caller; a removal or a growth builds a new
 * table and publishes it whole, so a lookup racing a removal may still return the removed series,
 * as a {@code ConcurrentHashMap} would. The table is at most half full, so a probe always ends at
 * an empty slot.
 *
 * @param <S> the series type
 */
final class SeriesIndex<S> {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final int INITIAL_CAPACITY = 8;

  /** One series and its label values. */
  private static final class Entry<S> {
    final int hash;
    final String[] values;
    final S series;

    Entry(int hash, String[] values, S series) {
      this.hash = hash;
      this.values = values;
      this.series = series;
    }
  }

  private volatile Object[] table = new Object[INITIAL_CAPACITY];
  private int size; // guarded by the caller's lock, read racily by size()

  /** The series for {@code values} (which may hold nulls: never found), or null. No lock. */
  @SuppressWarnings("unchecked")
  S get(String[] values) {
    int hash = hash(values);
    Object[] t = table;
    int mask = t.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry<S> entry = (Entry<S>) SLOT.getAcquire(t, i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && sameValues(entry.values, values)) {
        return entry.series;
      }
    }
  }

  /** Adds a series for values not in the table; {@code values} must not change afterwards. */
  void put(String[] values, S series) {
    if ((size + 1) * 2 > table.length) {
      table = rebuilt(table.length * 2, null);
    }
    insert(table, new Entry<>(hash(values), values, series));
    size++;
  }

  /** Removes the series for {@code values}; returns whether there was one. */
  boolean remove(String[] values) {
    if (get(values) == null) {
      return false;
    }
    table = rebuilt(table.length, values);
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
      Entry<S> entry = (Entry<S>) SLOT.getAcquire(t, i);
      if (entry != null) {
        all.add(entry.series);
      }
    }
    return all;
  }

  /** A table of {@code capacity} slots with every entry but the one for {@code without}. */
  @SuppressWarnings("unchecked")
  private Object[] rebuilt(int capacity, String[] without) {
    Object[] fresh = new Object[capacity];
    for (Object slot : table) {
      Entry<S> entry = (Entry<S>) slot;
      if (entry != null && (without == null || !sameValues(entry.values, without))) {
        insert(fresh, entry);
      }
    }
    return fresh;
  }

  private static void insert(Object[] t, Entry<?> entry) {
    int mask = t.length - 1;
    int i = entry.hash & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    SLOT.setRelease(t, i, entry); // the entry's fields before the slot: StoreStore
  }

  private static int hash(String[] values) {
    int h = 1;
    for (String value : values) {
      h = 31 * h + (value == null ? 0 : value.hashCode()); // null: not found, then refused
    }
    return h ^ (h >>> 16);
  }

  private static boolean sameValues(String[] a, String[] b) {
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }
}
