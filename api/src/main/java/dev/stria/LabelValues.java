package dev.stria;

import java.util.Arrays;

/** The values of one series, as the key of an instrument's series table. */
final class LabelValues {
  final String[] values;
  private final int hash;

  LabelValues(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelValues other && hash == other.hash
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
