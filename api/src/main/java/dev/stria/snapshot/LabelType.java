package dev.stria.snapshot;

/**
 * The type of a label value, as OpenTelemetry's attribute types: what {@link
 * Labels#typedValue(int)} returns for each, and what an OTLP exporter sends.
 *
 * <p>Labels of Stria's own instruments are always {@link #STRING}; typed values come from
 * bridges such as the OpenTelemetry API bridge, whose attributes carry their type.
 */
public enum LabelType {
  /** A {@link String}. */
  STRING,
  /** A {@link Boolean}. */
  BOOLEAN,
  /** A {@link Long}. */
  LONG,
  /** A {@link Double}. */
  DOUBLE,
  /** A {@code List<String>}. */
  STRING_ARRAY,
  /** A {@code List<Boolean>}. */
  BOOLEAN_ARRAY,
  /** A {@code List<Long>}. */
  LONG_ARRAY,
  /** A {@code List<Double>}. */
  DOUBLE_ARRAY;

  /** Whether values of this type are lists. */
  public boolean isArray() {
    return ordinal() >= STRING_ARRAY.ordinal();
  }

  /** The type of an array's elements ({@code LONG} for {@code LONG_ARRAY}); a scalar's own. */
  public LabelType elementType() {
    return isArray() ? values()[ordinal() - STRING_ARRAY.ordinal()] : this;
  }

  /** The array type of this scalar type ({@code LONG_ARRAY} for {@code LONG}). */
  LabelType arrayType() {
    return values()[ordinal() + STRING_ARRAY.ordinal()];
  }
}
