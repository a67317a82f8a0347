package dev.stria.jmh.report;

import java.util.Map;

/**
 * What {@code dev.stria.jmh.virtual.VirtualThreadCheck} found: whether virtual threads were
 * available, whether every total was exact, and retained bytes per series pair after virtual
 * threads (median and largest trial) and after one thread wrote the same records.
 */
record VirtualThreadResult(String jdk, boolean available, boolean exact, String mismatch,
    long collectionsDuringRun, double singleThreadBytesPerSeries,
    double virtualThreadBytesPerSeries, double maxVirtualThreadBytesPerSeries) {

  static VirtualThreadResult parse(String json) {
    Map<String, Object> object = Json.object(Json.parse(json));
    return new VirtualThreadResult(
        String.valueOf(object.get("jdk")),
        Boolean.TRUE.equals(object.get("available")),
        Boolean.TRUE.equals(object.get("exact")),
        String.valueOf(object.getOrDefault("mismatch", "")),
        (long) number(object.get("collectionsDuringRun")),
        number(object.get("singleThreadBytesPerSeries")),
        number(object.get("virtualThreadBytesPerSeries")),
        number(object.get("maxVirtualThreadBytesPerSeries")));
  }

  private static double number(Object value) {
    return value == null ? Double.NaN : Json.number(value);
  }
}
