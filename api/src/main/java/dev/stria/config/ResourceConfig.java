package dev.stria.config;

import dev.stria.Version;
import dev.stria.snapshot.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource every Stria exporter reports (OTLP's resource, Prometheus' {@code target_info}),
 * merged the same way by each, from lowest to highest precedence:
 *
 * <ol>
 *   <li>defaults: {@code service.name=unknown_service:java}, {@code telemetry.sdk.name=stria},
 *       {@code telemetry.sdk.language=java}, {@code telemetry.sdk.version};
 *   <li>the registry's own resource ({@code MeterRegistry.builder().resourceAttribute(..)}): the
 *       application's defaults;
 *   <li>{@code OTEL_RESOURCE_ATTRIBUTES};
 *   <li>{@code OTEL_SERVICE_NAME} (over a {@code service.name} in the attributes, as the
 *       OpenTelemetry specification says);
 *   <li>the exporter builder's own resource attributes and service name.
 * </ol>
 *
 * <p>So an operator renames a service ({@code OTEL_SERVICE_NAME=checkout-eu}) without a rebuild,
 * even when the code names it in the registry; only a name given to one exporter's builder is
 * final.
 */
public final class ResourceConfig {
  /** {@code OTEL_SERVICE_NAME}. */
  public static final String SERVICE_NAME_VARIABLE = "OTEL_SERVICE_NAME";
  /** {@code OTEL_RESOURCE_ATTRIBUTES}. */
  public static final String RESOURCE_ATTRIBUTES_VARIABLE = "OTEL_RESOURCE_ATTRIBUTES";
  /** The {@code service.name} attribute. */
  public static final String SERVICE_NAME = "service.name";
  /** The {@code telemetry.sdk.name} Stria reports. */
  public static final String SDK_NAME = "stria";

  private ResourceConfig() {}

  /**
   * Merges the resource as the class comment says.
   *
   * @param registry the registry's (or reader's) resource
   * @param env where the {@code OTEL_*} variables are read
   * @param exporter attributes given to the exporter's builder (win over everything)
   * @param exporterServiceName a service name given to the exporter's builder, or null
   * @return the merged resource
   * @throws IllegalArgumentException for a malformed {@code OTEL_RESOURCE_ATTRIBUTES}
   */
  public static Resource merge(Resource registry, ConfigSource env, Map<String, String> exporter,
      String exporterServiceName) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(SERVICE_NAME, "unknown_service:java");
    attributes.put("telemetry.sdk.name", SDK_NAME);
    attributes.put("telemetry.sdk.language", "java");
    attributes.put("telemetry.sdk.version", Version.STRIA);
    attributes.putAll(registry.attributes());
    String fromEnv = env.get(RESOURCE_ATTRIBUTES_VARIABLE);
    if (fromEnv != null) {
      attributes.putAll(ConfigValues.parsePairs(RESOURCE_ATTRIBUTES_VARIABLE, fromEnv));
    }
    String serviceName = env.get(SERVICE_NAME_VARIABLE);
    if (serviceName != null) {
      attributes.put(SERVICE_NAME, serviceName);
    }
    attributes.putAll(exporter);
    if (exporterServiceName != null) {
      attributes.put(SERVICE_NAME, exporterServiceName);
    }
    return new Resource(attributes);
  }
}
