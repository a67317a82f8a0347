/**
 * The OpenTelemetry API bridge: {@code StriaMeterProvider.create(registry)} is a {@code
 * MeterProvider} whose instruments record into a Stria registry.
 */
module dev.stria.opentelemetry {
  requires transitive dev.stria;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires static io.opentelemetry.api.incubator; // optional: attribute advice, bind()

  exports dev.stria.opentelemetry;
}
