package dev.stria.jmh.report;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code dev.stria.jmh.virtual.VirtualThreadCheck} found: whether virtual threads were
 * available, whether every total was exact, and retained bytes per series pair after virtual
 * threads (median and largest trial) and after one thread wrote the same records. With it, when
 * they ran, the rounds of {@code dev.stria.jmh.VirtualThreadPairs}.
 */
record VirtualThreadResult(String jdk, boolean available, boolean exact, String mismatch,
    long collectionsDuringRun, double singleThreadBytesPerSeries,
    double virtualThreadBytesPerSeries, double maxVirtualThreadBytesPerSeries,
    Optional<VirtualThreadPairsResult> rounds) {

  /** This result with the rounds measured beside it. */
  VirtualThreadResult withRounds(VirtualThreadPairsResult measured) {
    return new VirtualThreadResult(jdk, available, exact, mismatch, collectionsDuringRun,
        singleThreadBytesPerSeries, virtualThreadBytesPerSeries, maxVirtualThreadBytesPerSeries,
        Optional.of(measured));
  }

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
        number(object.get("maxVirtualThreadBytesPerSeries")),
        Optional.empty());
  }

  private static double number(Object value) {
    return value == null ? Double.NaN : Json.number(value);
  }
}
