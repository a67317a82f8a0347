package dev.stria;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The home of a set of instruments and the readers that collect them.
 *
 * <pre>{@code
 * MeterRegistry registry = new MeterRegistry();
 * Counter requests = registry.counter("http.server.requests").labelNames("method").register();
 * requests.labels("GET").inc();
 * MetricReader reader = registry.newReader(Temporality.DELTA);
 * List<MetricSnapshot> batch = reader.collect();
 * }</pre>
 *
 * <p>Registering a name again with the same kind, unit, description, label names and buckets
 * returns the existing instrument; anything else is an {@link IllegalArgumentException} that names
 * both registrations. Instruments can be registered from any thread; recording never touches the
 * registry.
 *
 * <p><b>Defaults:</b> no resource attributes (exporters add their own defaults such as {@code
 * service.name}), scope {@code dev.stria} at the library's version, a cardinality limit of 2000
 * series per instrument, exemplars on (sampled from the current OpenTelemetry span when {@code
 * opentelemetry-api} is present).
 */
public final class MeterRegistry {
  /** The default most series per instrument. */
  public static final int DEFAULT_CARDINALITY_LIMIT = 2000;

  private final Resource resource;
  private final InstrumentationScope scope;
  private final int cardinalityLimit;
  private final boolean exemplars;
  private final ExemplarClock exemplarClock; // null: the shared one
  private volatile ExemplarSettings exemplarSettings; // created by the first instrument with them
  private final Map<String, Instrument> byName = new LinkedHashMap<>();
  private final NameClaims nameClaims = new NameClaims();
  private final List<Instrument> instruments = new CopyOnWriteArrayList<>();
  private final List<RegistryReader> readers = new ArrayList<>();
  private volatile RegistryReader[] openReaders = new RegistryReader[0];
  /**
   * The reader slots in use. A closed reader's slot is given to a later reader only once every
   * series has forgotten it ({@link #detach}, under this registry's lock like {@link #newReader}),
   * so the per-slot state of series stays as large as the most readers open at once.
   */
  private final BitSet readerSlots = new BitSet();

  /** A registry with the defaults. */
  public MeterRegistry() {
    this(builder());
  }

  private MeterRegistry(Builder builder) {
    this.resource = new Resource(builder.resource);
    this.scope = new InstrumentationScope(builder.scopeName, builder.scopeVersion);
    this.cardinalityLimit = builder.cardinalityLimit;
    this.exemplars = builder.exemplars;
    this.exemplarClock = builder.exemplarClock;
  }

  /** Settings for a registry: resource attributes, scope, cardinality limit. */
  public static Builder builder() {
    return new Builder();
  }

  /** A monotonic counter. */
  public Counter.Builder counter(String name) {
    return new Counter.Builder(this, name);
  }

  /** A sum that goes up and down. */
  public UpDownCounter.Builder upDownCounter(String name) {
    return new UpDownCounter.Builder(this, name);
  }

  /** A gauge, set directly or read from a callback. */
  public Gauge.Builder gauge(String name) {
    return new Gauge.Builder(this, name);
  }

  /** A histogram with explicit or exponential buckets. */
  public Histogram.Builder histogram(String name) {
    return new Histogram.Builder(this, name);
  }

  /** A unit of work's calls by status, their duration and calls in flight: {@link Operation}. */
  public Operation.Builder operation(String name) {
    return new Operation.Builder(this, name);
  }

  /** A reader that reports every instrument with {@code temporality}. */
  public MetricReader newReader(Temporality temporality) {
    return newReader(TemporalitySelector.always(temporality));
  }

  /**
   * A reader that chooses the temporality per instrument kind. The selector is asked once per
   * kind, here; the reader keeps its answers.
   *
   * @throws IllegalArgumentException if {@code temporality} is null, or throws or answers null
   *     for a kind
   */
  public synchronized MetricReader newReader(TemporalitySelector temporality) {
    if (temporality == null) {
      throw new IllegalArgumentException("a reader's temporality must not be null");
    }
    int slot = readerSlots.nextClearBit(0);
    RegistryReader reader = new RegistryReader(this, temporality, slot, nowEpochNanos());
    readerSlots.set(slot);
    readers.add(reader);
    openReaders = readers.toArray(new RegistryReader[0]);
    return reader;
  }

  /** The resource attributes exporters attach to everything they send. */
  public Resource resource() {
    return resource;
  }

  /** The instrumentation scope exporters attach (default {@code dev.stria} at its version). */
  public InstrumentationScope scope() {
    return scope;
  }

  int cardinalityLimit() {
    return cardinalityLimit;
  }

  /** The exemplar settings of an instrument that wants them, or null when it or this is off. */
  ExemplarSettings exemplarSettings(boolean instrumentWantsThem) {
    if (!exemplars || !instrumentWantsThem) {
      return null;
    }
    ExemplarSettings settings = exemplarSettings;
    if (settings == null) {
      settings = ExemplarSettings.on(exemplarClock); // racing instruments make equal ones
      exemplarSettings = settings;
    }
    return settings;
  }

  synchronized <I extends Instrument> I register(
      InstrumentDescriptor descriptor, Class<I> type, Supplier<I> factory) {
    Instrument existing = byName.get(descriptor.name());
    if (existing != null) {
      if (existing.descriptor.equals(descriptor) && type.isInstance(existing)) {
        return type.cast(existing);
      }
      throw conflict(existing.descriptor, descriptor);
    }
    I created = factory.get();
    nameClaims.claim(descriptor);
    byName.put(descriptor.name(), created);
    instruments.add(created);
    return created;
  }

  synchronized Registration registerCallback(InstrumentDescriptor descriptor,
      Consumer<Observations> callback, int cardinalityLimit) {
    Instrument existing = byName.get(descriptor.name());
    if (existing != null && existing.descriptor.equals(descriptor)) {
      throw new IllegalArgumentException(descriptor + " is already registered:"
          + " a callback instrument is registered once (it has one callback); close its"
          + " Registration before registering another, or report several series from one"
          + " callback with labelNames(..)");
    }
    if (existing != null) {
      throw conflict(existing.descriptor, descriptor);
    }
    nameClaims.claim(descriptor);
    CallbackInstrument created =
        new CallbackInstrument(descriptor, callback, cardinalityLimit, nowEpochNanos());
    byName.put(descriptor.name(), created);
    instruments.add(created);
    return () -> unregister(created);
  }

  /** Adds a bridge's instrument, which keeps its own identity rules (see ScopedInstruments). */
  synchronized void attachInstrument(Instrument instrument) {
    instruments.add(instrument);
  }

  synchronized void detachInstrument(Instrument instrument) {
    instruments.remove(instrument);
  }

  private synchronized void unregister(Instrument instrument) {
    if (byName.get(instrument.descriptor.name()) == instrument) {
      byName.remove(instrument.descriptor.name());
      instruments.remove(instrument);
      nameClaims.release(instrument.descriptor);
    }
  }

  private static IllegalArgumentException conflict(
      InstrumentDescriptor existing, InstrumentDescriptor requested) {
    return new IllegalArgumentException(
        "metric name '" + requested.name() + "' is already registered as " + existing
            + "; cannot register it again as " + requested
            + ": a name is registered once, or again with identical settings (callback"
            + " instruments only once)");
  }

  List<Instrument> instruments() {
    return instruments;
  }

  RegistryReader[] openReaders() {
    return openReaders;
  }

  synchronized void detach(RegistryReader reader) {
    readers.remove(reader);
    openReaders = readers.toArray(new RegistryReader[0]);
    for (Instrument instrument : instruments) {
      instrument.detachReader(reader.slot());
    }
    readerSlots.clear(reader.slot());
  }

  long nowEpochNanos() {
    return ExemplarClock.epochNanosNow(); // one wall clock for points and exemplars
  }

  /**
   * Settings of a registry: resource attributes, instrumentation scope and the cardinality limit.
   *
   * <pre>{@code
   * MeterRegistry registry = MeterRegistry.builder()
   *     .resourceAttribute("service.name", "checkout")
   *     .scope("com.example.checkout", "1.4.0")
   *     .cardinalityLimit(5000)
   *     .exemplars(false)            // default true
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, String> resource = new LinkedHashMap<>();
    private String scopeName = "dev.stria";
    private String scopeVersion = Version.STRIA;
    private int cardinalityLimit = DEFAULT_CARDINALITY_LIMIT;
    private boolean exemplars = true;
    private ExemplarClock exemplarClock;

    private Builder() {}

    /** Adds a resource attribute such as {@code service.name}; a later value replaces one. */
    public Builder resourceAttribute(String key, String value) {
      if (key == null || key.isEmpty() || value == null) {
        throw new IllegalArgumentException(
            "resource attribute " + key + "=" + value + " needs a non-empty key and a value");
      }
      resource.put(key, value);
      return this;
    }

    /** Adds every entry of {@code attributes} as a resource attribute. */
    public Builder resource(Map<String, String> attributes) {
      attributes.forEach(this::resourceAttribute);
      return this;
    }

    /** The instrumentation scope exporters attach: a library or application name and version. */
    public Builder scope(String name, String version) {
      this.scopeName = new InstrumentationScope(name, version).name();
      this.scopeVersion = version == null ? "" : version;
      return this;
    }

    /** The default most series per instrument (each instrument may override it). */
    public Builder cardinalityLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("cardinality limit " + limit + " must be at least 1");
      }
      this.cardinalityLimit = limit;
      return this;
    }

    /**
     * Whether counters and histograms keep exemplars (default: true). On, a recording made while
     * a sampled OpenTelemetry span is current may be kept with its trace and span id (at most one
     * look at the current span per series every 100 ms), and {@code observeWithExemplar} and
     * {@code incWithExemplar} keep exemplars by hand. Off, nothing is kept, recording never looks
     * at a span, and no OpenTelemetry class is loaded. Each instrument's builder can turn its own
     * off too.
     */
    public Builder exemplars(boolean exemplars) {
      this.exemplars = exemplars;
      return this;
    }

    /** Tests: sample exemplars on this clock, ticked by hand, instead of the shared one. */
    Builder exemplarClock(ExemplarClock clock) {
      this.exemplarClock = clock;
      return this;
    }

    /** A registry with these settings. */
    public MeterRegistry build() {
      return new MeterRegistry(this);
    }
  }

  @Override
  public String toString() {
    return "MeterRegistry" + Arrays.toString(byName.keySet().toArray()) + " " + resource;
  }
}
