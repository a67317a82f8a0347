package dev.stria.prometheus;

import dev.stria.MeterRegistry;
import dev.stria.Registration;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a {@link PushgatewayExporter}'s counts in its registry as callback counters, read at
 * each collection (nothing touches a recording thread): {@code stria.pushgateway.pushes.succeeded}
 * and {@code stria.pushgateway.pushes.failed} (Prometheus: {@code
 * stria_pushgateway_pushes_succeeded_total}, {@code ..._failed_total}), named like the OTLP
 * exporter's {@code stria.otlp.exports.*}. Being in the registry they are pushed too: the
 * Pushgateway shows how many pushes before the latest failed.
 *
 * <p>A registry holds each name once: a second Pushgateway exporter on the same registry keeps
 * its counts in {@link PushgatewayExporter#pushesSucceeded()} and {@code pushesFailed()} only,
 * and says so in one warning.
 */
final class PushgatewayHealthMetrics {
  static final String SUCCEEDED = "stria.pushgateway.pushes.succeeded";
  static final String FAILED = "stria.pushgateway.pushes.failed";

  private PushgatewayHealthMetrics() {}

  /** Registers the counters; returns what unregisters them (null without a registry). */
  static AutoCloseable register(MeterRegistry registry, PushgatewayExporter exporter) {
    if (registry == null) {
      return null;
    }
    List<Registration> registrations = new ArrayList<>();
    try {
      registrations.add(registry.counter(SUCCEEDED).unit("1")
          .description("Pushes, push-adds and deletes the Pushgateway accepted")
          .callback(exporter::pushesSucceeded));
      registrations.add(registry.counter(FAILED).unit("1")
          .description("Pushes, push-adds and deletes that failed: unreachable, timed out or"
              + " refused")
          .callback(exporter::pushesFailed));
    } catch (IllegalArgumentException alreadyRegistered) {
      System.getLogger("dev.stria.prometheus.pushgateway").log(Level.WARNING, "this registry"
          + " already publishes a Pushgateway exporter's health metrics; this exporter's counts"
          + " are in pushesSucceeded()/pushesFailed() only: " + alreadyRegistered.getMessage());
    }
    return () -> registrations.forEach(Registration::close);
  }
}
