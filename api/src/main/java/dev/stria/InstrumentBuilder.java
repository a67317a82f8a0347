package dev.stria;

import dev.stria.snapshot.MetricType;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The settings every instrument builder shares: description, unit, label names and the
 * cardinality limit.
 *
 * @param <B> the concrete builder, returned by each setter for chaining
 */
abstract class InstrumentBuilder<B extends InstrumentBuilder<B>> {
  final MeterRegistry registry;
  final String name;
  String description = "";
  String unit = "";
  String[] labelNames = new String[0];
  int cardinalityLimit;

  InstrumentBuilder(MeterRegistry registry, String name) {
    this.registry = registry;
    this.name = NameRules.instrumentName(name);
    this.cardinalityLimit = registry.cardinalityLimit();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** What the instrument measures, shown as HELP by Prometheus. Default: empty. */
  public B description(String description) {
    this.description = NameRules.description(name, description);
    return self();
  }

  /** The UCUM unit ({@code "s"}, {@code "By"}, {@code "1"}). Default: empty. */
  public B unit(String unit) {
    this.unit = NameRules.unit(name, unit);
    return self();
  }

  /**
   * The label names of the instrument's series, in order; {@code labels(values...)} then takes
   * one value per name. Default: none, and the instrument records directly.
   */
  public B labelNames(String... labelNames) {
    this.labelNames = NameRules.labelNames(name, labelNames);
    return self();
  }

  /**
   * The most series this instrument keeps; further label sets are recorded into one overflow
   * series labelled {@code otel_metric_overflow="true"}. Default: the registry's (2000).
   */
  public B cardinalityLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "cardinality limit " + limit + " of '" + name + "' must be at least 1");
    }
    this.cardinalityLimit = limit;
    return self();
  }

  InstrumentDescriptor descriptor(String kind, MetricType type,
      String aggregation) {
    return new InstrumentDescriptor(
        name, kind, type, description, unit, List.of(labelNames), aggregation);
  }

  /**
   * Registers {@code callback} as a callback instrument of {@code kind}; null callbacks are
   * refused naming the instrument.
   */
  Registration registerCallback(String kind, MetricType type,
      Consumer<Observations> callback) {
    if (callback == null) {
      throw new IllegalArgumentException("callback of '" + name + "' is null");
    }
    return registry.registerCallback(descriptor(kind, type, ""), callback, cardinalityLimit);
  }

  /** The single-value callback as a callback of one unlabelled series. */
  Consumer<Observations> unlabelled(DoubleSupplier value) {
    if (value == null) {
      throw new IllegalArgumentException("callback of '" + name + "' is null");
    }
    if (labelNames.length > 0) {
      throw new IllegalArgumentException(
          "callback of '" + name + "' has label names " + List.of(labelNames) + " and must"
              + " report label values: use callback(out -> out.record(value, labelValues...))");
    }
    return out -> out.record(value.getAsDouble());
  }
}
