package dev.stria.otlp;

import dev.stria.snapshot.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource an exporter attaches to every export, merged from lowest to highest precedence:
 *
 * <ol>
 *   <li>defaults: {@code service.name=unknown_service:java}, {@code telemetry.sdk.name=stria},
 *       {@code telemetry.sdk.language=java}, {@code telemetry.sdk.version};
 *   <li>{@code OTEL_RESOURCE_ATTRIBUTES};
 *   <li>{@code OTEL_SERVICE_NAME} (over a {@code service.name} in the attributes, as the
 *       specification says);
 *   <li>the registry's own resource (code beats environment);
 *   <li>the exporter builder's {@code resourceAttribute} and {@code serviceName}.
 * </ol>
 */
final class OtlpResource {
  static final String SDK_NAME = "stria";
  static final String SDK_VERSION = dev.stria.Version.STRIA;
  static final String SERVICE_NAME = "service.name";

  private OtlpResource() {}

  static Resource merge(Resource registry, OtlpEnvironment env, Map<String, String> builder,
      String builderServiceName) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(SERVICE_NAME, "unknown_service:java");
    attributes.put("telemetry.sdk.name", SDK_NAME);
    attributes.put("telemetry.sdk.language", "java");
    attributes.put("telemetry.sdk.version", SDK_VERSION);
    attributes.putAll(env.resourceAttributes());
    if (env.serviceName() != null) {
      attributes.put(SERVICE_NAME, env.serviceName());
    }
    attributes.putAll(registry.attributes());
    attributes.putAll(builder);
    if (builderServiceName != null) {
      attributes.put(SERVICE_NAME, builderServiceName);
    }
    return new Resource(attributes);
  }
}
