package dev.stria.prometheus;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.config.ConfigSource;
import dev.stria.config.ConfigValues;
import dev.stria.config.ResourceConfig;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A Prometheus scrape endpoint for a Stria registry: text 0.0.4, OpenMetrics 1.0 and protobuf
 * (native histograms), chosen by the {@code Accept} header, gzip when asked for, {@code /metrics}
 * and the health check {@code /-/healthy}. The text formats are written by Prometheus
 * client_java's own writers; the protobuf format, which Prometheus asks for when it stores native
 * histograms, by Stria's {@link ProtobufFormatWriter}: the same bytes as client_java 1.8.0's
 * writer for the same snapshots; a whole scrape of 10,000 histogram series allocates about a
 * quarter of what client_java's own does, in less time (the README's benchmarks). The server is
 * the JDK's {@code com.sun.net.httpserver}, run by the exporter with daemon threads.
 *
 * <pre>{@code
 * MeterRegistry registry = new MeterRegistry();
 * PrometheusExporter exporter = PrometheusExporter.builder()
 *     .registry(registry)          // or .reader(aCumulativeReader)
 *     .port(9464)                  // 0 picks a free port
 *     .start();
 * System.out.println("scrape http://localhost:" + exporter.port() + "/metrics");
 * ...
 * exporter.close();                // stops the server
 * }</pre>
 *
 * <p>Defaults: host {@code localhost}, port {@code 9464} ({@code 0} picks a free port, {@link
 * #port()} reports it), a new {@link PrometheusRegistry}, created timestamps, {@code target_info}
 * and scope labels on, no authentication, plain HTTP.
 *
 * <p>Settings not given to the builder come from the environment variable or system property, as
 * OpenTelemetry's Prometheus exporter reads them: {@code OTEL_EXPORTER_PROMETHEUS_HOST} and
 * {@code OTEL_EXPORTER_PROMETHEUS_PORT} ({@code -Dotel.exporter.prometheus.port=9100} works too).
 * The resource exposed as {@code target_info} is merged like the OTLP exporter's: defaults
 * ({@code service.name=unknown_service:java}, {@code telemetry.sdk.*}), then the registry's
 * resource, then {@code OTEL_RESOURCE_ATTRIBUTES}, then {@code OTEL_SERVICE_NAME}; so both exporters
 * of one registry report the same resource. A malformed variable fails {@link Builder#start()}
 * with an {@link IllegalArgumentException} naming it, its value and the rule.
 *
 * <h2>Conversion</h2>
 *
 * Each scrape collects the cumulative reader once (see {@link StriaCollector}) and applies the
 * OpenTelemetry-to-Prometheus compatibility rules:
 *
 * <ul>
 *   <li><b>Names.</b> Characters outside {@code [a-zA-Z0-9_:]} become {@code _}, runs of {@code _}
 *       collapse, a leading digit gets a {@code _}. The unit becomes a suffix unless the name
 *       already ends with it: {@code s -> _seconds}, {@code ms -> _milliseconds}, {@code us},
 *       {@code ns}, {@code min}, {@code h}, {@code d}, {@code By -> _bytes} (and {@code KiBy},
 *       {@code MBy}, ...), {@code By/s -> _bytes_per_second}, {@code %} {@code -> _percent};
 *       {@code 1} and {@code {annotations}} add nothing; other units are sanitised and used as
 *       written. Counters end in {@code _total}, never twice. {@code http.server.duration} with
 *       unit {@code s} becomes {@code http_server_duration_seconds}.
 *   <li><b>Labels.</b> Names are sanitised the same way (without {@code :}); two names that become
 *       one get their values joined with {@code ;}. Values are kept exactly and escaped by each
 *       format's writer (quotes, backslashes, newlines; UTF-8 as is).
 *   <li><b>Types.</b> Counter to counter; up-down counter and gauge to gauge; explicit histogram
 *       to classic histogram ({@code le} buckets, {@code _count}, {@code _sum}; min and max are
 *       dropped); exponential histogram to native histogram, plus its classic buckets when the
 *       histogram was also given explicit bounds. A native histogram's schema is the scale clamped
 *       to {@code [-4, 8]}: a finer scale is reduced to 8 by merging neighbouring buckets, a scale
 *       below -4 (unreachable with the default 160 buckets) is exposed without native buckets. Exact
 *       zeros go to the zero bucket (threshold 0). Bucket keys are the OpenTelemetry index plus
 *       one. A histogram with no observations carries one empty bucket so that Prometheus
 *       stores it as native from the start. Text formats show a native-only histogram as its count, sum and {@code +Inf} bucket.
 *   <li><b>Exemplars</b> (labels {@code trace_id} and {@code span_id}, time in milliseconds), as
 *       client_java 1.8.0's writers place them: on a counter's sample; on each classic bucket,
 *       the exemplar whose value falls in it (OpenMetrics and protobuf); for a native-only
 *       histogram only the latest one, on a {@code +Inf} bucket (OpenMetrics' {@code _bucket{le="+Inf"}}
 *       line, and in protobuf a single {@code +Inf} bucket beside the native buckets; 1.8.0
 *       never fills the native histogram's own {@code exemplars} field). The text format 0.0.4
 *       has no exemplars.
 *   <li><b>Metadata.</b> The description is the {@code HELP} text; the unit is OpenMetrics'
 *       {@code UNIT}. Counters and histograms carry their series' start as created timestamp
 *       ({@code _created} in OpenMetrics; left out of the text format 0.0.4, which has no such
 *       notion). In protobuf only counters carry it ({@code created_timestamp}): client_java
 *       1.8.0's protobuf writer does not write it for histograms.
 *   <li><b>Resource and scope.</b> Resource attributes become the labels of one {@code
 *       target_info} metric; every series gets {@code otel_scope_name} and (when known) {@code
 *       otel_scope_version} labels of its own instrument's scope (its registry's, or its meter's
 *       for the OpenTelemetry bridge). Both can be switched off. Typed label values (the
 *       bridge's attributes) are shown in their string form: {@code true}, {@code 42}, {@code
 *       ["a","b"]}.
 *   <li><b>Bad cases.</b> A metric whose converted name collides with an earlier one is left
 *       out with one warning, as is a delta metric: a scrape never fails because of one metric.
 * </ul>
 */
public final class PrometheusExporter implements AutoCloseable {
  private final ScrapeServer server;
  private final PrometheusRegistry prometheusRegistry;
  private final StriaCollector collector;
  private final boolean ownsReader;

  private PrometheusExporter(ScrapeServer server, PrometheusRegistry registry,
      StriaCollector collector, boolean ownsReader) {
    this.server = server;
    this.prometheusRegistry = registry;
    this.collector = collector;
    this.ownsReader = ownsReader;
  }

  /** A builder with the defaults listed above. */
  public static Builder builder() {
    return new Builder(ConfigSource.system());
  }

  /** A builder reading the {@code OTEL_*} settings from {@code config} (tests). */
  static Builder builder(ConfigSource config) {
    return new Builder(config);
  }

  /** The port the server is bound to (the chosen one when built with port 0). */
  public int port() {
    return server.port();
  }

  /** The collector this exporter serves, registered in {@link #prometheusRegistry()}. */
  public StriaCollector collector() {
    return collector;
  }

  /** The Prometheus registry that is served; other collectors may be added to it. */
  public PrometheusRegistry prometheusRegistry() {
    return prometheusRegistry;
  }

  /**
   * Stops the server and unregisters the collector. A reader the exporter created for {@link
   * Builder#registry(MeterRegistry)} is closed; a reader given to {@link
   * Builder#reader(MetricReader)} stays open.
   */
  @Override
  public void close() {
    prometheusRegistry.unregister(collector);
    server.close();
    if (ownsReader) {
      collector.reader().close();
    }
  }

  /** Options of a {@link PrometheusExporter}. */
  public static final class Builder {
    static final String HOST_VARIABLE = "OTEL_EXPORTER_PROMETHEUS_HOST";
    static final String PORT_VARIABLE = "OTEL_EXPORTER_PROMETHEUS_PORT";

    private MetricReader reader;
    private MeterRegistry registry;
    private final ConfigSource config;
    private String host;
    private Integer port;
    private PrometheusRegistry prometheusRegistry;
    private Authenticator authenticator;
    private HttpsConfigurator https;
    private boolean createdTimestamps = true;
    private boolean targetInfo = true;
    private boolean scopeLabels = true;

    private Builder(ConfigSource config) {
      this.config = config;
    }

    /** The registry to serve, through a cumulative reader of its own (this or a reader). */
    public Builder registry(MeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** A cumulative reader to serve (this or a registry). */
    public Builder reader(MetricReader reader) {
      this.reader = reader;
      return this;
    }

    /**
     * The host name or address to bind (default {@code OTEL_EXPORTER_PROMETHEUS_HOST}, else
     * {@code localhost}: not reachable from other machines unless asked for; {@code 0.0.0.0}
     * serves on every interface).
     */
    public Builder host(String host) {
      if (host == null || host.isEmpty()) {
        throw new IllegalArgumentException("host must not be empty, got '" + host + "'");
      }
      this.host = host;
      return this;
    }

    /** The port to bind (default {@code OTEL_EXPORTER_PROMETHEUS_PORT}, else 9464); 0 picks one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * A Prometheus registry to join and serve, for example one that already holds client_java
     * metrics (default: a new, empty one).
     */
    public Builder prometheusRegistry(PrometheusRegistry registry) {
      this.prometheusRegistry = registry;
      return this;
    }

    /** Any {@code com.sun.net.httpserver} authenticator in front of every path. */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    /** HTTP basic authentication with one user (compared in constant time). */
    public Builder basicAuth(String user, String password) {
      if (user == null || password == null) {
        throw new IllegalArgumentException("basic authentication needs a user and a password");
      }
      byte[] expectedUser = user.getBytes(StandardCharsets.UTF_8);
      byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
      return authenticator(new BasicAuthenticator("stria") {
        @Override
        public boolean checkCredentials(String u, String p) {
          boolean userOk = MessageDigest.isEqual(expectedUser, u.getBytes(StandardCharsets.UTF_8));
          boolean passwordOk =
              MessageDigest.isEqual(expectedPassword, p.getBytes(StandardCharsets.UTF_8));
          return userOk & passwordOk;
        }
      });
    }

    /** Serves HTTPS with this configuration (its SSLContext holds the key and certificate). */
    public Builder https(HttpsConfigurator configurator) {
      this.https = configurator;
      return this;
    }

    /** Whether OpenMetrics and protobuf scrapes carry created timestamps (default true). */
    public Builder createdTimestamps(boolean enabled) {
      this.createdTimestamps = enabled;
      return this;
    }

    /** Whether resource attributes are exposed as {@code target_info} (default true). */
    public Builder targetInfo(boolean enabled) {
      this.targetInfo = enabled;
      return this;
    }

    /** Whether series carry {@code otel_scope_name}/{@code otel_scope_version} (default true). */
    public Builder scopeLabels(boolean enabled) {
      this.scopeLabels = enabled;
      return this;
    }

    /**
     * Starts serving.
     *
     * @throws IllegalArgumentException if neither or both of a registry and a reader were given,
     *     or the reader is not cumulative
     * @throws UncheckedIOException if the address cannot be bound
     */
    public PrometheusExporter start() {
      if ((registry == null) == (reader == null)) {
        throw new IllegalArgumentException("the exporter needs either a MeterRegistry or a"
            + " MetricReader, got " + (registry == null ? "neither" : "both"));
      }
      String host = this.host;
      if (host == null) {
        host = config.get(HOST_VARIABLE) != null ? config.get(HOST_VARIABLE) : "localhost";
      }
      int port = this.port != null ? this.port
          : config.get(PORT_VARIABLE) != null
              ? ConfigValues.port(PORT_VARIABLE, config.get(PORT_VARIABLE)) : 9464;
      // every variable is checked before anything starts
      ResourceConfig.merge(Resource.empty(), config, Map.of(), null);
      boolean ownsReader = reader == null;
      MetricReader source = ownsReader ? registry.newReader(Temporality.CUMULATIVE) : reader;
      try {
        return start(source, ownsReader, host, port);
      } catch (RuntimeException e) {
        if (ownsReader) {
          source.close();
        }
        throw e;
      }
    }

    private PrometheusExporter start(MetricReader source, boolean ownsReader, String host,
        int port) {
      Resource resource = ResourceConfig.merge(source.resource(), config, Map.of(), null);
      StriaCollector collector = StriaCollector.builder(source).resource(resource)
          .targetInfo(targetInfo).scopeLabels(scopeLabels).createdTimestamps(createdTimestamps)
          .build();
      PrometheusRegistry served =
          prometheusRegistry != null ? prometheusRegistry : new PrometheusRegistry();
      served.register(collector);
      PrometheusProperties properties = PrometheusProperties.builder()
          .exporterProperties(ExporterProperties.builder()
              .includeCreatedTimestamps(createdTimestamps).build())
          .build();
      try {
        ScrapeServer server = ScrapeServer.start(host, port,
            new MetricsEndpoint(properties, served), authenticator, https);
        return new PrometheusExporter(server, served, collector, ownsReader);
      } catch (IOException e) {
        served.unregister(collector);
        throw new UncheckedIOException("cannot serve Prometheus metrics on " + host + ":" + port
            + ": " + e.getMessage(), e);
      }
    }
  }
}
