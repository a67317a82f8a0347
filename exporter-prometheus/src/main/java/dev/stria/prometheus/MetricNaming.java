package dev.stria.prometheus;

import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/**
 * What an instrument is called in Prometheus: its base name, every sample name it writes (to find
 * collisions) and its metadata (name, {@code HELP}, {@code UNIT}), computed once per instrument
 * and remembered between scrapes.
 */
final class MetricNaming {
  /** The parts of a snapshot its naming depends on. */
  record Key(String name, String unit, MetricType type, String description) {
    static Key of(MetricSnapshot metric) {
      return new Key(metric.name(), metric.unit(), metric.type(), metric.description());
    }
  }

  /**
   * One instrument's naming. {@code metadata} is null when the model rejects the name, and
   * {@code problem} says why.
   */
  record Naming(String base, List<String> sampleNames, MetricMetadata metadata, String problem) {}

  private final ScrapeMemo<Key, Naming> memo = ScrapeMemo.byEquality(MetricNaming::compute);

  Naming of(MetricSnapshot metric) {
    return memo.get(Key.of(metric));
  }

  void endScrape() {
    memo.endScrape();
  }

  private static Naming compute(Key key) {
    String base = PrometheusNames.metricBaseName(key.name(), key.unit(), key.type());
    List<String> samples = sampleNames(base, key.type());
    try {
      return new Naming(base, samples, metadata(base, key), null);
    } catch (IllegalArgumentException e) {
      return new Naming(base, samples, null, e.getMessage());
    }
  }

  private static List<String> sampleNames(String base, MetricType type) {
    switch (type) {
      case COUNTER:
        return List.of(base, base + "_total", base + "_created");
      case HISTOGRAM:
      case EXPONENTIAL_HISTOGRAM:
        return List.of(base, base + "_bucket", base + "_count", base + "_sum", base + "_created");
      default:
        return List.of(base);
    }
  }

  private static MetricMetadata metadata(String base, Key key) {
    String help = key.description().isEmpty() ? null : key.description();
    String unit = PrometheusNames.unitSuffix(key.unit());
    if (unit.isEmpty() || !base.endsWith("_" + unit)) {
      return new MetricMetadata(base, help);
    }
    return new MetricMetadata(base, help, new Unit(unit));
  }
}
