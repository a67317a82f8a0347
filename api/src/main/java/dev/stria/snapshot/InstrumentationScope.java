package dev.stria.snapshot;

/**
 * The library that recorded the metrics, as OpenTelemetry's instrumentation scope: a name, a
 * version, a schema URL and attributes. The version and schema URL are the empty string when
 * unknown; the attributes are empty by default.
 *
 * <pre>{@code
 * InstrumentationScope scope = new InstrumentationScope("com.example.checkout", "1.4.0");
 * }</pre>
 *
 * <p>Stria's own instruments carry their registry's scope; each meter of the OpenTelemetry
 * bridge is a scope of its own. Exporters group metrics by scope (OTLP's {@code ScopeMetrics})
 * or label each series with it (Prometheus' {@code otel_scope_name} and {@code
 * otel_scope_version}).
 */
public record InstrumentationScope(
    String name, String version, String schemaUrl, Labels attributes) {
  /** Checks that the name is given; a null version, schema URL or attributes means none. */
  public InstrumentationScope {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an instrumentation scope needs a non-empty name");
    }
    if (version == null) {
      version = "";
    }
    if (schemaUrl == null) {
      schemaUrl = "";
    }
    if (attributes == null) {
      attributes = Labels.empty();
    }
  }

  /** A scope with a name and a version (null or empty when unknown), no schema, no attributes. */
  public InstrumentationScope(String name, String version) {
    this(name, version, "", Labels.empty());
  }
}
