package dev.stria.snapshot;

import java.util.Arrays;
import java.util.List;

/**
 * The label names and values of one series, in registration order.
 *
 * <p>Values are arbitrary strings (quotes, backslashes, newlines and any Unicode are kept as
 * they are); escaping is the exporters' job.
 *
 * <pre>{@code
 * Labels labels = Labels.of("method", "GET", "status", "200");
 * labels.get("status"); // "200"
 * }</pre>
 */
public final class Labels {
  private static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** The labels with no names. */
  public static Labels empty() {
    return EMPTY;
  }

  /**
   * Labels from alternating names and values: {@code of("method", "GET", "status", "200")}.
   *
   * @throws IllegalArgumentException if the count is odd or any element is null
   */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "labels need name/value pairs, got an odd count " + namesAndValues.length + ": "
              + Arrays.toString(namesAndValues));
    }
    int n = namesAndValues.length / 2;
    String[] names = new String[n];
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = namesAndValues[2 * i];
      values[i] = namesAndValues[2 * i + 1];
    }
    return of(names, values);
  }

  /**
   * Labels from parallel arrays of names and values (both copied).
   *
   * @throws IllegalArgumentException if the lengths differ or any element is null
   */
  public static Labels of(String[] names, String[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(
          "label names " + Arrays.toString(names) + " and values " + Arrays.toString(values)
              + " must have the same length");
    }
    if (names.length == 0) {
      return EMPTY;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null || values[i] == null) {
        throw new IllegalArgumentException(
            "label names and values must not be null: " + Arrays.toString(names) + " = "
                + Arrays.toString(values));
      }
    }
    return new Labels(names.clone(), values.clone());
  }

  /** The number of labels. */
  public int size() {
    return names.length;
  }

  /** Whether there are no labels. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The name at {@code index}, in registration order. */
  public String name(int index) {
    return names[index];
  }

  /** The value at {@code index}, in registration order. */
  public String value(int index) {
    return values[index];
  }

  /** The names in registration order (an unmodifiable view). */
  public List<String> names() {
    return List.of(names);
  }

  /** The values in registration order (an unmodifiable view). */
  public List<String> values() {
    return List.of(values);
  }

  /** The value for {@code name}, or null if there is no such label. */
  public String get(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append("=\"").append(values[i]).append('"');
    }
    return sb.append('}').toString();
  }
}
