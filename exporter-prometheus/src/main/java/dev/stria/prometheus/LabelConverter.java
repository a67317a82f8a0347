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
 * Not thread-safe: the collector calls it from one collection at a time.
 */
final class LabelConverter {
  private final String[] extraNames;
  private final String[] extraValues;
  private final ScrapeMemo<dev.stria.snapshot.Labels, Labels> memo =
      ScrapeMemo.byIdentity(this::build);

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
  Labels convert(dev.stria.snapshot.Labels labels) {
    return memo.get(labels);
  }

  /** Ends a scrape (see {@link ScrapeMemo#endScrape()}). */
  void endScrape() {
    memo.endScrape();
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
