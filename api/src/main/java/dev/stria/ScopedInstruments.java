package dev.stria;

import dev.stria.core.internal.BucketBounds;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricType;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The SPI that bridges from other metric APIs build on (Stria's OpenTelemetry bridge): instruments
 * of one instrumentation scope in a registry, whose series are keyed by a full attribute set.
 * Application code uses {@link MeterRegistry}'s builders instead.
 *
 * <pre>{@code
 * ScopedInstruments scoped = ScopedInstruments.of(registry,
 *     new InstrumentationScope("com.example.checkout", "1.4.0"));
 * KeyedInstrument<Attributes, Counter.Series> orders = scoped.counter("orders.processed", "",
 *     "1", true, overflowLabels, attributes -> toLabels(attributes));
 * orders.series(attributes).add(1);
 * }</pre>
 *
 * <p>Unlike the registry's builders, these registrations do not check names or claim them: the
 * bridge applies its own API's rules (OpenTelemetry's names, its identity of instruments, its
 * duplicate handling), and two registrations of one name are two instruments, both exported. The
 * cardinality limit is the registry's; past it, series fold into one series labelled {@code
 * overflowLabels}. Snapshots carry {@code scope}, and {@code integerValues} marks instruments of
 * whole numbers (see {@link dev.stria.snapshot.MetricSnapshot#integerValues()}).
 */
public final class ScopedInstruments {
  private final MeterRegistry registry;
  private final InstrumentationScope scope;

  private ScopedInstruments(MeterRegistry registry, InstrumentationScope scope) {
    this.registry = registry;
    this.scope = scope;
  }

  /**
   * The instruments of {@code scope} in {@code registry}.
   *
   * @throws IllegalArgumentException if either is null
   */
  public static ScopedInstruments of(MeterRegistry registry, InstrumentationScope scope) {
    if (registry == null || scope == null) {
      throw new IllegalArgumentException("scoped instruments need a registry and a scope, got "
          + registry + " and " + scope);
    }
    return new ScopedInstruments(registry, scope);
  }

  /** The scope of these instruments. */
  public InstrumentationScope scope() {
    return scope;
  }

  /** Registers a monotonic counter whose series are keyed by {@code K}. */
  public <K> KeyedInstrument<K, Counter.Series> counter(String name, String description,
      String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf) {
    return counter(name, description, unit, integerValues, overflowLabels, labelsOf,
        Counter.Series::new);
  }

  /**
   * As {@link #counter(String, String, String, boolean, Labels, Function)}, with series of the
   * bridge's own subclass of {@link Counter.Series}, made by {@code newSeries} from the setup
   * the registry gives it (the overflow series too). A bridge whose API has bound instruments
   * lets the series itself be one: the bound call is then the series' own, with no object in
   * between. The subclass also says what an invalid increment does ({@link
   * Counter.Series#rejected(double)}).
   *
   * @throws IllegalArgumentException if {@code newSeries} is null; a series factory that returns
   *     null fails the recording that creates the series with an {@code IllegalStateException}
   */
  public <K, S extends Counter.Series> KeyedInstrument<K, S> counter(String name,
      String description, String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Function<SeriesSetup, S> newSeries) {
    InstrumentDescriptor d = descriptor(name, "counter", MetricType.COUNTER, description, unit, "");
    ExemplarSettings exemplars = registry.exemplarSettings(true); // from the current span
    return keyed(d, integerValues, overflowLabels, labelsOf, newSeries, null, exemplars,
        series -> series.state);
  }

  /** Registers an up-down counter whose series are keyed by {@code K}. */
  public <K> KeyedInstrument<K, UpDownCounter.Series> upDownCounter(String name,
      String description, String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf) {
    return upDownCounter(name, description, unit, integerValues, overflowLabels, labelsOf,
        UpDownCounter.Series::new);
  }

  /**
   * As {@link #upDownCounter(String, String, String, boolean, Labels, Function)}, with series of
   * the bridge's own subclass of {@link UpDownCounter.Series}, as for {@link #counter(String,
   * String, String, boolean, Labels, Function, Function) counters}; the subclass also says what a
   * NaN or infinite amount does ({@link UpDownCounter.Series#rejected(double)}).
   *
   * @throws IllegalArgumentException if {@code newSeries} is null (a factory returning null: as
   *     for counters)
   */
  public <K, S extends UpDownCounter.Series> KeyedInstrument<K, S> upDownCounter(String name,
      String description, String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Function<SeriesSetup, S> newSeries) {
    InstrumentDescriptor d =
        descriptor(name, "up-down counter", MetricType.UP_DOWN_COUNTER, description, unit, "");
    return keyed(d, integerValues, overflowLabels, labelsOf, newSeries, null, null,
        series -> series.state);
  }

  /** Registers a gauge whose series are keyed by {@code K}. */
  public <K> KeyedInstrument<K, Gauge.Series> gauge(String name, String description,
      String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf) {
    return gauge(name, description, unit, integerValues, overflowLabels, labelsOf,
        Gauge.Series::new);
  }

  /**
   * As {@link #gauge(String, String, String, boolean, Labels, Function)}, with series of the
   * bridge's own subclass of {@link Gauge.Series}, as for {@link #counter(String, String,
   * String, boolean, Labels, Function, Function) counters}.
   *
   * @throws IllegalArgumentException if {@code newSeries} is null (a factory returning null: as
   *     for counters)
   */
  public <K, S extends Gauge.Series> KeyedInstrument<K, S> gauge(String name,
      String description, String unit, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Function<SeriesSetup, S> newSeries) {
    InstrumentDescriptor d = descriptor(name, "gauge", MetricType.GAUGE, description, unit, "");
    return keyed(d, integerValues, overflowLabels, labelsOf, newSeries, null, null,
        series -> series.state);
  }

  /**
   * Registers a histogram with explicit bucket {@code bounds} (finite, strictly increasing,
   * inclusive upper bounds; {@code +Inf} implied) whose series are keyed by {@code K}.
   *
   * @throws IllegalArgumentException if a bound is not finite or the bounds do not increase
   */
  public <K> KeyedInstrument<K, Histogram.Series> histogram(String name, String description,
      String unit, double[] bounds, Labels overflowLabels, Function<? super K, Labels> labelsOf) {
    return histogram(name, description, unit, bounds, overflowLabels, labelsOf,
        Histogram.Series::new);
  }

  /**
   * As {@link #histogram(String, String, String, double[], Labels, Function)}, with series of
   * the bridge's own subclass of {@link Histogram.Series}, as for {@link #counter(String,
   * String, String, boolean, Labels, Function, Function) counters}.
   *
   * @throws IllegalArgumentException if {@code newSeries} is null, a bound is not finite or the
   *     bounds do not increase (a factory returning null: as for counters)
   */
  public <K, S extends Histogram.Series> KeyedInstrument<K, S> histogram(String name,
      String description, String unit, double[] bounds, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Function<SeriesSetup, S> newSeries) {
    BucketBounds bucketBounds = Histogram.Builder.bucketBounds(bounds, unit);
    InstrumentDescriptor d = descriptor(name, "histogram", MetricType.HISTOGRAM, description,
        unit, "buckets " + java.util.Arrays.toString(bounds));
    ExemplarSettings exemplars = registry.exemplarSettings(true); // from the current span
    return keyed(d, false, overflowLabels, labelsOf, newSeries, bucketBounds, exemplars,
        series -> series.state);
  }

  /**
   * Registers and attaches the keyed instrument of {@code d}, whose series {@code newSeries}
   * makes from the setup of each new label set.
   */
  private <K, S> KeyedInstrument<K, S> keyed(InstrumentDescriptor d, boolean integerValues,
      Labels overflowLabels, Function<? super K, Labels> labelsOf,
      Function<SeriesSetup, S> newSeries, BucketBounds bounds, ExemplarSettings exemplars,
      Function<S, CollectableSeries> collectable) {
    if (newSeries == null) {
      throw new IllegalArgumentException(d.kind() + " '" + d.name() + "' needs a series factory,"
          + " got null");
    }
    KeyedInstrument<K, S> keyed = new KeyedInstrument<>(registry, d, scope, integerValues,
        overflowLabels, labelsOf,
        labels -> made(d, newSeries.apply(
            new SeriesSetup(d, labels, registry.nowEpochNanos(), bounds, exemplars))),
        collectable);
    registry.attachInstrument(keyed);
    return keyed;
  }

  /** {@code series}, which a bridge's series factory made for the instrument {@code d}. */
  private static <S> S made(InstrumentDescriptor d, S series) {
    if (series == null) {
      throw new IllegalStateException("the series factory of " + d.kind() + " '" + d.name()
          + "' returned null: it must return the series it made from the setup it was given");
    }
    return series;
  }

  /**
   * Registers a callback instrument of {@code type} ({@code COUNTER}, {@code UP_DOWN_COUNTER} or
   * {@code GAUGE}) that reports one value per series key at each collection, with the rules and
   * the containment of Stria's own callbacks ({@link Gauge.Builder#callback(Consumer)}).
   *
   * @return the handle whose {@code close()} unregisters the callback
   * @throws IllegalArgumentException if {@code type} is a histogram or the callback is null
   */
  @SuppressWarnings("unchecked")
  public <K> Registration callback(String name, String description, String unit,
      MetricType type, boolean integerValues, Labels overflowLabels,
      Function<? super K, Labels> labelsOf, Consumer<? super KeyedObservations<K>> callback) {
    if (type == null || !(type.isSum() || type == MetricType.GAUGE) || callback == null) {
      throw new IllegalArgumentException("callback instrument '" + name + "' needs a counter,"
          + " up-down counter or gauge type and a callback, got " + type + " and " + callback);
    }
    InstrumentDescriptor d =
        descriptor(name, "callback " + type.name().toLowerCase(java.util.Locale.ROOT),
            type, description, unit, "");
    Consumer<? super KeyedObservations<Object>> any =
        (Consumer<? super KeyedObservations<Object>>) (Consumer<?>) callback;
    CallbackInstrument created = new CallbackInstrument(d, scope, integerValues,
        any::accept, registry.cardinalityLimit(), registry.nowEpochNanos(),
        key -> labelsOf.apply((K) key), overflowLabels);
    registry.attachInstrument(created);
    return () -> registry.detachInstrument(created);
  }

  private static InstrumentDescriptor descriptor(String name, String kind, MetricType type,
      String description, String unit, String aggregation) {
    if (name == null || name.isEmpty() || description == null || unit == null) {
      throw new IllegalArgumentException("instrument '" + name + "' needs a non-empty name, a"
          + " description and a unit (empty strings when none), got description " + description
          + " and unit " + unit);
    }
    return new InstrumentDescriptor(name, kind, type, description, unit, List.of(), aggregation);
  }
}
