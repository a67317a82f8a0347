package dev.stria.opentelemetry;

import dev.stria.MeterRegistry;
import dev.stria.ScopedInstruments;
import dev.stria.snapshot.InstrumentationScope;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenTelemetry {@link MeterProvider} backed by a Stria {@link MeterRegistry}: code written
 * against {@code opentelemetry-api} records into the registry, and Stria's exporters serve and
 * push it, without the OpenTelemetry SDK.
 *
 * <pre>{@code
 * MeterRegistry registry = MeterRegistry.builder().resourceAttribute("service.name", "checkout").build();
 * MeterProvider provider = StriaMeterProvider.create(registry);
 * Meter meter = provider.meterBuilder("com.example.checkout").setInstrumentationVersion("1.4.0").build();
 * LongCounter orders = meter.counterBuilder("orders.processed").setUnit("1").build();
 * orders.add(1, Attributes.of(stringKey("tier"), "gold"));
 * }</pre>
 *
 * <p><b>What maps to what.</b> Each meter is an instrumentation scope (name, version, schema
 * URL), which exporters keep: OTLP groups metrics by scope, Prometheus labels each series with
 * {@code otel_scope_name} and {@code otel_scope_version}. Every instrument of the stable API
 * records into Stria series, one per attribute set: counters, up-down counters, histograms
 * (explicit buckets; {@code setExplicitBucketBoundariesAdvice} honoured, else OpenTelemetry's
 * default bounds {@code 0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500,
 * 10000}), synchronous gauges, and observable counters, up-down counters and gauges ({@code
 * buildWithCallback}, {@code buildObserver} with {@code batchCallback}). Attribute values keep
 * their type; long instruments export integer points, double ones double points. Series past the
 * registry's cardinality limit (default 2000 per instrument) fold into one series labelled {@code
 * otel.metric.overflow=true}.
 *
 * <p><b>With {@code io.opentelemetry:opentelemetry-api-incubator}</b> on the class path (an
 * optional dependency: add it to use these), builders are the incubator's {@code Extended*Builder}s
 * and instruments its {@code Extended*} instruments. {@code setAttributesAdvice(keys)} keeps only
 * those attribute keys in the series; {@code bind(attributes)} returns the incubator's bound
 * instrument over Stria's own series: no lookup per call, the cost of a Stria bound series.
 *
 * <pre>{@code
 * LongCounter orders = ((ExtendedLongCounterBuilder) meter.counterBuilder("orders.processed"))
 *     .setAttributesAdvice(List.of(stringKey("tier"))).build();
 * BoundLongCounter gold = ((ExtendedLongCounter) orders).bind(Attributes.of(stringKey("tier"), "gold"));
 * gold.add(1);
 * }</pre>
 *
 * <p><b>Costs.</b> Recording with an attribute set whose series exists is one hash lookup (the
 * {@code Attributes} object caches its hash) and Stria's wait-free record; it allocates nothing.
 * Keep prebuilt {@code Attributes} on hot paths: building them allocates, in the API itself. A new
 * attribute set allocates its series once.
 *
 * <p><b>Errors, as the specification says.</b> The same name (in any case), kind, value type,
 * unit and description in one meter return the same instrument; a conflicting duplicate is
 * warned about and still works, as an instrument of its own; an invalid name gives a warning and
 * a no-op instrument; a negative counter increment or histogram value is dropped with a warning.
 * Nothing is ever thrown into instrumented code. The {@code Context} argument is accepted
 * everywhere and not used yet.
 *
 * <p><b>Defaults:</b> a meter without a version or schema URL has none; instrument description
 * and unit are empty when not set.
 */
public final class StriaMeterProvider implements MeterProvider {
  private final MeterRegistry registry;
  private final ConcurrentHashMap<InstrumentationScope, StriaMeter> meters =
      new ConcurrentHashMap<>();

  private StriaMeterProvider(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A meter provider whose instruments record into {@code registry}.
   *
   * @throws IllegalArgumentException if {@code registry} is null
   */
  public static StriaMeterProvider create(MeterRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("StriaMeterProvider.create needs a MeterRegistry");
    }
    return new StriaMeterProvider(registry);
  }

  /** The registry the instruments record into. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * A builder of the meter (instrumentation scope) named {@code instrumentationScopeName}. The
   * same name, version and schema URL give the same meter. A null or empty name is warned about
   * and replaced by {@code "unknown"}, as the SDK does.
   */
  @Override
  public MeterBuilder meterBuilder(String instrumentationScopeName) {
    String name = instrumentationScopeName;
    if (name == null || name.isEmpty()) {
      Warnings.once("meter name", "a meter was requested with the name '" + name
          + "'; it is named 'unknown' (a meter needs a name: the library or application it"
          + " instruments)");
      name = "unknown";
    }
    return new StriaMeterBuilder(this, name);
  }

  Meter meter(InstrumentationScope scope) {
    return meters.computeIfAbsent(scope,
        s -> new StriaMeter(ScopedInstruments.of(registry, s)));
  }

  @Override
  public String toString() {
    return "StriaMeterProvider{" + registry + "}";
  }
}
