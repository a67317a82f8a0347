package dev.stria.opentelemetry;

import java.util.Locale;

/**
 * What identifies an instrument in a meter, as the OpenTelemetry specification says: its name
 * (case-insensitively), kind, value type, unit and description. Two requests with equal specs get
 * the same instrument; a spec that differs from an earlier one of the same name is a conflicting
 * duplicate (warned about, and still working as an instrument of its own).
 */
record InstrumentSpec(
    String name, Kind kind, boolean integerValues, String description, String unit) {

  /** The instrument kinds of the API. */
  enum Kind {
    COUNTER, UP_DOWN_COUNTER, HISTOGRAM, GAUGE,
    OBSERVABLE_COUNTER, OBSERVABLE_UP_DOWN_COUNTER, OBSERVABLE_GAUGE
  }

  /** The spec's identity: equal for the same instrument whatever the case of its name. */
  String identity() {
    return name.toLowerCase(Locale.ROOT) + '\u0000' + kind + '\u0000' + integerValues
        + '\u0000' + description + '\u0000' + unit;
  }

  String lowerCaseName() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return (integerValues ? "long " : "double ") + kind.name().toLowerCase(Locale.ROOT) + " '"
        + name + "' (unit '" + unit + "', description '" + description + "')";
  }
}
