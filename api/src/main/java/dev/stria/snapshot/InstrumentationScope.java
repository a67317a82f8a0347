package dev.stria.snapshot;

/**
 * The library that recorded the metrics, as OpenTelemetry's instrumentation scope. The version
 * is the empty string when unknown.
 */
public record InstrumentationScope(String name, String version) {
  /** Checks that the name is given. */
  public InstrumentationScope {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an instrumentation scope needs a non-empty name");
    }
    if (version == null) {
      version = "";
    }
  }
}
