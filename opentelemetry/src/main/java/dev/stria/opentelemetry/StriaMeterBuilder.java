package dev.stria.opentelemetry;

import dev.stria.snapshot.InstrumentationScope;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;

/** The version and schema URL of a meter's instrumentation scope; null counts as none. */
final class StriaMeterBuilder implements MeterBuilder {
  private final StriaMeterProvider provider;
  private final String name;
  private String version = "";
  private String schemaUrl = "";

  StriaMeterBuilder(StriaMeterProvider provider, String name) {
    this.provider = provider;
    this.name = name;
  }

  @Override
  public MeterBuilder setSchemaUrl(String schemaUrl) {
    this.schemaUrl = schemaUrl;
    return this;
  }

  @Override
  public MeterBuilder setInstrumentationVersion(String instrumentationVersion) {
    this.version = instrumentationVersion;
    return this;
  }

  @Override
  public Meter build() {
    return provider.meter(new InstrumentationScope(name, version, schemaUrl, null));
  }
}
