package dev.stria.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;

/**
 * Turns Stria label sets into Prometheus ones: names sanitised, values kept exactly, the scope
 * labels appended, and converted sets remembered between scrapes.
 *
 * <p>Two names that sanitise to the same Prometheus name ({@code a.b} and {@code a_b}) become one
 * label whose value joins both values with {@code ;} in the order of the original names, as the
 * OpenTelemetry compatibility rules say. A series label that is itself called {@code otel_scope_name} or {@code
 * otel_scope_version} wins over the scope label of that name.
 *
 * <p>Converted sets are remembered in a {@link ScrapeMemo}, which forgets series that disappear.
 * A registry reports its series in the same order every scrape, each with the same {@code
 * Labels} instance, so the converter also remembers which entry it returned at each position of
 * the previous scrape: when the set at a position is the same instance as last time, the entry is
 * taken from there without hashing (an identity map's lookups over 10,000 series were 7% of a
 * scrape's time, mostly cache misses). Any other set is looked up in the memo as before. Not
 * thread-safe: the collector calls it from one collection at a time.
 */
final class LabelConverter {
  private final String[] extraNames;
  private final String[] extraValues;
  private final ScrapeMemo<dev.stria.snapshot.Labels, Labels> memo =
      ScrapeMemo.byIdentity(this::build);
  /** The entry returned at each position of the previous scrape (and this one, up to position). */
  private Object[] byPosition = new Object[0];
  /** How many sets this scrape has converted so far. */
  private int position;

  /** {@code extraNamesAndValues}: already valid label names and their values, added to every set. */
  LabelConverter(String... extraNamesAndValues) {
    int n = extraNamesAndValues.length / 2;
    extraNames = new String[n];
    extraValues = new String[n];
    for (int i = 0; i < n; i++) {
      extraNames[i] = extraNamesAndValues[2 * i];
      extraValues[i] = extraNamesAndValues[2 * i + 1];
    }
  }

  /** The Prometheus labels of one series. */
  @SuppressWarnings("unchecked")
  Labels convert(dev.stria.snapshot.Labels labels) {
    int i = position++;
    if (i < byPosition.length) {
      var previous = (ScrapeMemo.Entry<dev.stria.snapshot.Labels, Labels>) byPosition[i];
      if (previous != null && previous.key == labels) {
        // Used by the previous scrape at this position, so the memo still holds it.
        return memo.reuse(previous).value;
      }
    } else {
      byPosition = Arrays.copyOf(byPosition, Math.max(16, 2 * i));
    }
    ScrapeMemo.Entry<dev.stria.snapshot.Labels, Labels> entry = memo.entry(labels);
    byPosition[i] = entry;
    return entry.value;
  }

  /** Ends a scrape (see {@link ScrapeMemo#endScrape()}). */
  void endScrape() {
    // Positions this scrape did not reach may hold entries the memo is about to forget.
    if (position < byPosition.length / 4) {
      byPosition = Arrays.copyOf(byPosition, position);
    } else {
      Arrays.fill(byPosition, position, byPosition.length, null);
    }
    position = 0;
    memo.endScrape();
  }

  /** How many converted sets are remembered (tests). */
  int remembered() {
    return memo.size();
  }

  private Labels build(dev.stria.snapshot.Labels labels) {
    int size = labels.size();
    String[] names = new String[size + extraNames.length];
    String[] values = new String[names.length];
    // In the order of the original names, so that values joined after a collision are in that
    // order; Prometheus sorts the labels by their own names anyway.
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> labels.name(a).compareTo(labels.name(b)));
    int n = 0;
    for (int i : order) {
      String name = PrometheusNames.labelName(labels.name(i));
      int same = indexOf(names, n, name);
      if (same >= 0) {
        values[same] = values[same] + ";" + labels.value(i);
      } else {
        names[n] = name;
        values[n] = labels.value(i);
        n++;
      }
    }
    for (int i = 0; i < extraNames.length; i++) {
      if (indexOf(names, n, extraNames[i]) < 0) {
        names[n] = extraNames[i];
        values[n] = extraValues[i];
        n++;
      }
    }
    if (n < names.length) {
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
    }
    return Labels.of(names, values);
  }

  private static int indexOf(String[] names, int count, String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
