package dev.stria;

import dev.stria.snapshot.MetricType;
import java.util.List;

/**
 * Everything that identifies a registration: registering a name again with an equal descriptor
 * returns the existing instrument, with a different one it is an error that names both.
 *
 * @param kind what the user asked for ("counter", "callback gauge", ...), for messages
 * @param aggregation how values are bucketed ("" for sums and gauges), part of the identity
 */
record InstrumentDescriptor(
    String name,
    String kind,
    MetricType type,
    String description,
    String unit,
    List<String> labelNames,
    String aggregation) {

  @Override
  public String toString() {
    return kind + " '" + name + "' (unit '" + unit + "', description '" + description
        + "', label names " + labelNames + (aggregation.isEmpty() ? "" : ", " + aggregation)
        + ")";
  }
}
