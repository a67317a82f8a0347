package dev.stria.opentelemetry;

import dev.stria.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * An {@link OpenTelemetry} whose {@code MeterProvider} is Stria's, for libraries that find their
 * meters through {@link GlobalOpenTelemetry} or an injected {@code OpenTelemetry}.
 *
 * <pre>{@code
 * MeterRegistry registry = new MeterRegistry();
 * StriaOpenTelemetry.installGlobal(registry);            // first thing in main()
 * // or, with an SDK or agent that traces: keep its tracer provider and propagators
 * OpenTelemetry withStriaMetrics = StriaOpenTelemetry.wrap(openTelemetrySdk, registry);
 * }</pre>
 *
 * <p><b>Set before the first get.</b> {@code GlobalOpenTelemetry.get()} called before {@link
 * #installGlobal} fixes the global instance to a no-op one (or to what autoconfiguration finds),
 * and {@code GlobalOpenTelemetry.set} then throws {@code IllegalStateException}; instruments a
 * library created from the first one stay no-ops for good. Install in {@code main()} before any
 * instrumented library is initialised (a static field holding a meter counts). {@link
 * #installGlobal} reports that case with an {@link IllegalStateException} that says so, at
 * startup, instead of silently recording nothing. The Java agent installs its own global
 * instance: with the agent, use the agent's metrics or pass {@link #wrap} to your own code.
 */
public final class StriaOpenTelemetry implements OpenTelemetry {
  private final MeterProvider meterProvider;
  private final OpenTelemetry delegate;

  private StriaOpenTelemetry(MeterProvider meterProvider, OpenTelemetry delegate) {
    this.meterProvider = meterProvider;
    this.delegate = delegate;
  }

  /**
   * An {@code OpenTelemetry} with Stria's meter provider over {@code registry} and no tracing
   * (no-op tracer provider, no propagators).
   *
   * @throws IllegalArgumentException if {@code registry} is null
   */
  public static StriaOpenTelemetry create(MeterRegistry registry) {
    return wrap(OpenTelemetry.noop(), registry);
  }

  /**
   * {@code existing} with Stria's meter provider over {@code registry}: its tracer provider,
   * logs bridge and propagators are kept.
   *
   * @throws IllegalArgumentException if either argument is null
   */
  public static StriaOpenTelemetry wrap(OpenTelemetry existing, MeterRegistry registry) {
    if (existing == null) {
      throw new IllegalArgumentException("StriaOpenTelemetry.wrap needs an OpenTelemetry to wrap");
    }
    return new StriaOpenTelemetry(StriaMeterProvider.create(registry), existing);
  }

  /**
   * Sets {@link GlobalOpenTelemetry} to {@link #create(MeterRegistry)}: libraries that call
   * {@code GlobalOpenTelemetry.getMeter(..)} from now on record into {@code registry}.
   *
   * @return the installed instance
   * @throws IllegalStateException if the global instance was already set or read (see the class
   *     javadoc: set it before the first get)
   */
  public static StriaOpenTelemetry installGlobal(MeterRegistry registry) {
    StriaOpenTelemetry openTelemetry = create(registry);
    try {
      GlobalOpenTelemetry.set(openTelemetry);
    } catch (IllegalStateException alreadySet) {
      throw new IllegalStateException("GlobalOpenTelemetry was already set or read before"
          + " StriaOpenTelemetry.installGlobal: instruments created from it would not reach"
          + " Stria. Install it first thing in main(), before any instrumented library is"
          + " initialised, or pass StriaOpenTelemetry.create(registry) to your code directly",
          alreadySet);
    }
    return openTelemetry;
  }

  @Override
  public MeterProvider getMeterProvider() {
    return meterProvider;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return delegate.getTracerProvider();
  }

  @Override
  public LoggerProvider getLogsBridge() {
    return delegate.getLogsBridge();
  }

  @Override
  public ContextPropagators getPropagators() {
    return delegate.getPropagators();
  }
}
