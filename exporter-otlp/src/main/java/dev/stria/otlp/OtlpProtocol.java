package dev.stria.otlp;

import java.util.Locale;

/**
 * The OTLP/HTTP encodings ({@code OTEL_EXPORTER_OTLP_PROTOCOL}). Default {@link #HTTP_PROTOBUF}.
 * gRPC is not offered: it would need a gRPC runtime.
 *
 * <pre>{@code
 * OtlpExporter.builder().registry(registry).protocol(OtlpProtocol.HTTP_JSON).start();
 * }</pre>
 */
public enum OtlpProtocol {
  /** {@code http/protobuf}: protobuf body, {@code Content-Type: application/x-protobuf}. */
  HTTP_PROTOBUF("http/protobuf", "application/x-protobuf"),
  /** {@code http/json}: OTLP/JSON body, {@code Content-Type: application/json}. */
  HTTP_JSON("http/json", "application/json");

  private final String configName;
  private final String contentType;

  OtlpProtocol(String configName, String contentType) {
    this.configName = configName;
    this.contentType = contentType;
  }

  /** The name used in configuration, e.g. {@code http/protobuf}. */
  public String configName() {
    return configName;
  }

  String contentType() {
    return contentType;
  }

  /**
   * Parses {@code http/protobuf} or {@code http/json} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static OtlpProtocol parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (OtlpProtocol p : values()) {
      if (p.configName.equals(v)) {
        return p;
      }
    }
    throw new IllegalArgumentException("OTLP protocol '" + value
        + "' is invalid: it must be http/protobuf or http/json (grpc is not supported)");
  }
}
