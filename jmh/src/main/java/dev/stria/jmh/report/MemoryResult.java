package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the memory program's output: retained bytes per series of a library's instrument,
 * written by {@code writers} threads (1 when the file predates the field).
 */
record MemoryResult(String library, String kind, int writers, int series, double bytesPerSeries) {

  /** Every result in a file written by {@code dev.stria.jmh.memory.SeriesMemory}. */
  static List<MemoryResult> parse(String json) {
    List<MemoryResult> results = new ArrayList<>();
    for (Object element : Json.array(Json.object(Json.parse(json)).get("results"))) {
      Map<String, Object> line = Json.object(element);
      results.add(
          new MemoryResult(
              String.valueOf(line.get("library")),
              String.valueOf(line.get("kind")),
              line.containsKey("writers") ? (int) Json.number(line.get("writers")) : 1,
              (int) Json.number(line.get("series")),
              Json.number(line.get("bytesPerSeries"))));
    }
    return results;
  }
}
