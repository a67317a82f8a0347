package dev.stria.snapshot;

import java.util.Arrays;
import java.util.List;

/**
 * The label names and values of one series, in registration order.
 *
 * <p>Values are arbitrary strings (quotes, backslashes, newlines and any Unicode are kept as
 * they are); escaping is the exporters' job.
 *
 * <p><b>Typed values.</b> Labels made by {@link #ofTyped} (the OpenTelemetry bridge's attributes)
 * also keep each value's {@link LabelType}: {@link #type(int)} and {@link #typedValue(int)} give
 * it, and OTLP exporters send it typed. {@link #value(int)}, {@link #values()} and {@link
 * #get(String)} give every value's string form ({@code true}, {@code 42}, {@code ["a","b"]}: see
 * {@link #ofTyped}), which is what Prometheus shows. Labels of Stria's own instruments are all
 * {@link LabelType#STRING}. Two labels are equal when names, types and values are.
 *
 * <pre>{@code
 * Labels labels = Labels.of("method", "GET", "status", "200");
 * labels.get("status"); // "200"
 * }</pre>
 */
public final class Labels {
  private static final Labels EMPTY = new Labels(new String[0], new String[0], null, null);

  private final String[] names;
  private final String[] values;
  /** Null when every value is a string; else each value's type and typed value. */
  private final LabelType[] types;
  private final Object[] typed;

  private Labels(String[] names, String[] values, LabelType[] types, Object[] typed) {
    this.names = names;
    this.values = values;
    this.types = types;
    this.typed = typed;
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
    return new Labels(names.clone(), values.clone(), null, null);
  }

  /**
   * Labels whose values keep their type: each value a {@link String}, {@link Boolean}, {@link
   * Long}, {@link Double}, or a {@link List} of one of these (an empty list counts as a string
   * array). The string forms follow OpenTelemetry's rules for protocols without typed attributes:
   * {@code true}/{@code false}, decimal integers, Java's shortest form of a double ({@code 1.5},
   * {@code 1.0E10}, {@code NaN}, {@code Infinity}), arrays as JSON arrays ({@code ["a","b"]},
   * {@code [1,2]}).
   *
   * <pre>{@code
   * Labels labels = Labels.ofTyped(new String[] {"tier", "retry"}, new Object[] {"gold", 2L});
   * labels.type(1);       // LabelType.LONG
   * labels.get("retry");  // "2"
   * }</pre>
   *
   * @throws IllegalArgumentException if the lengths differ, or an element is null or of another
   *     type (a list of mixed or other element types too)
   */
  public static Labels ofTyped(String[] names, Object[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(
          "label names " + Arrays.toString(names) + " and values " + Arrays.toString(values)
              + " must have the same length");
    }
    if (names.length == 0) {
      return EMPTY;
    }
    int n = names.length;
    String[] strings = new String[n];
    LabelType[] types = new LabelType[n];
    Object[] typed = new Object[n];
    boolean allStrings = true;
    for (int i = 0; i < n; i++) {
      if (names[i] == null) {
        throw new IllegalArgumentException(
            "label names must not be null: " + Arrays.toString(names));
      }
      types[i] = typeOf(names[i], values[i]);
      typed[i] = types[i].isArray() ? List.copyOf((List<?>) values[i]) : values[i];
      strings[i] = LabelStrings.of(types[i], typed[i]);
      allStrings &= types[i] == LabelType.STRING;
    }
    return allStrings
        ? new Labels(names.clone(), strings, null, null)
        : new Labels(names.clone(), strings, types, typed);
  }

  private static LabelType typeOf(String name, Object value) {
    if (value instanceof String) {
      return LabelType.STRING;
    } else if (value instanceof Boolean) {
      return LabelType.BOOLEAN;
    } else if (value instanceof Long) {
      return LabelType.LONG;
    } else if (value instanceof Double) {
      return LabelType.DOUBLE;
    } else if (value instanceof List<?> list) {
      LabelType element = list.isEmpty() ? LabelType.STRING : typeOf(name, list.get(0));
      for (Object e : list) {
        if (e == null || typeOf(name, e) != element || element.isArray()) {
          throw new IllegalArgumentException("label '" + name + "' has the list value " + list
              + ": list elements must be non-null and all String, Boolean, Long or Double");
        }
      }
      return element.arrayType();
    }
    throw new IllegalArgumentException("label '" + name + "' has the value " + value
        + (value == null ? "" : " of " + value.getClass().getName())
        + ": a typed label value must be a String, Boolean, Long, Double or a List of one of"
        + " these");
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

  /** The type of the value at {@code index}; {@link LabelType#STRING} for untyped labels. */
  public LabelType type(int index) {
    return types == null ? LabelType.STRING : types[index];
  }

  /**
   * The value at {@code index} as its type's Java value (see {@link LabelType}): the same as
   * {@link #value(int)} for strings, an unmodifiable list for arrays.
   */
  public Object typedValue(int index) {
    return types == null ? values[index] : typed[index];
  }

  /** Whether some value is not a string (see {@link #ofTyped}). */
  public boolean isTyped() {
    return types != null;
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
        && Arrays.equals(values, other.values)
        && Arrays.equals(types, other.types);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(names) + Arrays.hashCode(values)) + Arrays.hashCode(types);
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
