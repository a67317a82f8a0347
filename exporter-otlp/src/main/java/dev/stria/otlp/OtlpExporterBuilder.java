package dev.stria.otlp;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.config.ConfigSource;
import dev.stria.config.ResourceConfig;
import dev.stria.snapshot.Resource;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configures an {@link OtlpExporter}. A setting made here wins; one not made here is read from
 * the environment variable or system property of the standard name; otherwise the default
 * applies. A malformed variable fails {@link #start()} with an {@link IllegalArgumentException}
 * naming the variable, its value and the rule.
 *
 * <table>
 *   <caption>settings, their standard names and defaults</caption>
 *   <tr><th>builder</th><th>variable</th><th>default</th></tr>
 *   <tr><td>endpoint</td><td>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (as is), OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/metrics)</td><td>http://localhost:4318/v1/metrics</td></tr>
 *   <tr><td>protocol</td><td>OTEL_EXPORTER_OTLP_(METRICS_)PROTOCOL</td><td>http/protobuf</td></tr>
 *   <tr><td>header</td><td>OTEL_EXPORTER_OTLP_(METRICS_)HEADERS</td><td>none</td></tr>
 *   <tr><td>gzip</td><td>OTEL_EXPORTER_OTLP_(METRICS_)COMPRESSION (gzip, none)</td><td>none</td></tr>
 *   <tr><td>timeout</td><td>OTEL_EXPORTER_OTLP_(METRICS_)TIMEOUT (ms)</td><td>10 s</td></tr>
 *   <tr><td>temporalityPreference</td><td>OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE</td><td>cumulative</td></tr>
 *   <tr><td>interval</td><td>OTEL_METRIC_EXPORT_INTERVAL (ms)</td><td>60 s</td></tr>
 *   <tr><td>serviceName</td><td>OTEL_SERVICE_NAME</td><td>unknown_service:java</td></tr>
 *   <tr><td>resourceAttribute</td><td>OTEL_RESOURCE_ATTRIBUTES</td><td>none</td></tr>
 * </table>
 *
 * <p>{@code OTEL_METRICS_EXPORTER} and {@code OTEL_SDK_DISABLED} are not read: they choose the
 * exporters of an autoconfigured SDK, and this one was chosen by the code that builds it.
 *
 * <p>Builder-only settings: {@code connectTimeout} (10 s), {@code retryPolicy} ({@link
 * RetryPolicy#DEFAULT}), {@code backlogMaxPoints} (10,000), {@code closeTimeout} (10 s), {@code
 * shutdownHook} (true), {@code sslContext} (the JDK's default trust store).
 *
 * <pre>{@code
 * OtlpExporter exporter = OtlpExporter.builder().registry(registry)
 *     .endpoint("https://otlp.example.com/v1/metrics").header("Authorization", "Bearer " + token)
 *     .gzip(true).timeout(Duration.ofSeconds(5)).start();
 * }</pre>
 */
public final class OtlpExporterBuilder {
  static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:4318/v1/metrics");

  private final ConfigSource config;
  private MetricReader reader;
  private boolean ownsReader;
  private MeterRegistry registry;
  private URI endpoint;
  private OtlpProtocol protocol;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Boolean gzip;
  private Duration timeout;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private TemporalityPreference temporality;
  private Duration interval;
  private String serviceName;
  private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private int backlogMaxPoints = DeltaBacklog.DEFAULT_MAX_POINTS;
  private Duration closeTimeout = Duration.ofSeconds(10);
  private boolean shutdownHook = true;
  private javax.net.ssl.SSLContext sslContext;

  OtlpExporterBuilder(ConfigSource config) {
    this.config = config;
  }

  /**
   * Exports {@code registry}'s metrics through a reader of its own (closed with the exporter),
   * with the temporality preference's temporality per instrument kind, and publishes the
   * exporter's health metrics in it.
   */
  public OtlpExporterBuilder registry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /**
   * Exports what {@code reader} collects, with the reader's own temporality (a temporality
   * preference given here is then an error). The exporter does not close a reader it was given.
   */
  public OtlpExporterBuilder reader(MetricReader reader) {
    this.reader = reader;
    return this;
  }

  /** The endpoint, used as is (no path is appended): {@code http(s)://host:port/v1/metrics}. */
  public OtlpExporterBuilder endpoint(String endpoint) {
    this.endpoint = OtlpEnvironment.parseEndpoint("endpoint", endpoint);
    return this;
  }

  /** Protobuf or JSON over HTTP (default {@code http/protobuf}). */
  public OtlpExporterBuilder protocol(OtlpProtocol protocol) {
    this.protocol = protocol;
    return this;
  }

  /**
   * Adds a request header (e.g. an authorization token); wins over the same header from env.
   *
   * @throws IllegalArgumentException if the name is not an HTTP token, is one the JDK's HTTP
   *     client reserves, or the value holds a line break
   */
  public OtlpExporterBuilder header(String name, String value) {
    String problem = HttpHeaders.problem(name, value);
    if (problem != null) {
      throw new IllegalArgumentException("header '" + name + "' is invalid: " + problem);
    }
    headers.put(name, value);
    return this;
  }

  /** Whether requests are gzip-compressed (default false). */
  public OtlpExporterBuilder gzip(boolean gzip) {
    this.gzip = gzip;
    return this;
  }

  /** The time limit of one HTTP request (each attempt). */
  public OtlpExporterBuilder timeout(Duration timeout) {
    this.timeout = positive("timeout", timeout);
    return this;
  }

  /** The time limit to open a connection (default 10 s). */
  public OtlpExporterBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    return this;
  }

  /** Which instrument kinds are exported as deltas (default cumulative). */
  public OtlpExporterBuilder temporalityPreference(TemporalityPreference preference) {
    this.temporality = preference;
    return this;
  }

  /** The time between periodic exports (default 60 s). */
  public OtlpExporterBuilder interval(Duration interval) {
    this.interval = positive("interval", interval);
    return this;
  }

  /** The {@code service.name} resource attribute; wins over every other source. */
  public OtlpExporterBuilder serviceName(String serviceName) {
    this.serviceName = serviceName;
    return this;
  }

  /** A resource attribute; wins over the registry's and the environment's. */
  public OtlpExporterBuilder resourceAttribute(String key, String value) {
    resourceAttributes.put(key, value);
    return this;
  }

  /** How failed exports are retried (default {@link RetryPolicy#DEFAULT}). */
  public OtlpExporterBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
    return this;
  }

  /**
   * The most delta points held back after failed exports (see the class comment of the exporter
   * module's backlog: past the bound, the excess is dropped and counted). 0 holds nothing.
   */
  public OtlpExporterBuilder backlogMaxPoints(int maxPoints) {
    if (maxPoints < 0) {
      throw new IllegalArgumentException("backlogMaxPoints " + maxPoints + " must be >= 0");
    }
    this.backlogMaxPoints = maxPoints;
    return this;
  }

  /** How long {@code close()}, the shutdown hook and {@code forceFlush()} may take. */
  public OtlpExporterBuilder closeTimeout(Duration closeTimeout) {
    this.closeTimeout = positive("closeTimeout", closeTimeout);
    return this;
  }

  /**
   * The TLS context for {@code https} endpoints (a private CA, client certificates). Default: the
   * JDK's default context, which trusts the JDK's trust store.
   */
  public OtlpExporterBuilder sslContext(javax.net.ssl.SSLContext sslContext) {
    this.sslContext = sslContext;
    return this;
  }

  /**
   * Whether a JVM shutdown hook closes the exporter (a last collect and export) when the JVM exits
   * without {@code close()} (default true, as OpenTelemetry's autoconfiguration does): a batch job
   * that returns from {@code main} loses nothing. If that last export fails, the failure is
   * logged, and written to standard error when the JDK's logging has already shut down.
   */
  public OtlpExporterBuilder shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
    return this;
  }

  /**
   * Resolves the configuration, starts the exporting thread and returns the running exporter.
   *
   * @throws IllegalArgumentException for a malformed setting or variable
   * @throws IllegalStateException when neither a registry nor a reader was given
   */
  public OtlpExporter start() {
    OtlpEnvironment env = new OtlpEnvironment(config);
    URI resolvedEndpoint = endpoint != null ? endpoint : orDefault(env.endpoint(), DEFAULT_ENDPOINT);
    OtlpProtocol resolvedProtocol =
        protocol != null ? protocol : orDefault(env.protocol(), OtlpProtocol.HTTP_PROTOBUF);
    Map<String, String> resolvedHeaders = env.headers();
    resolvedHeaders.putAll(headers);
    boolean resolvedGzip = gzip != null ? gzip : orDefault(env.gzip(), Boolean.FALSE);
    Duration resolvedTimeout = timeout != null ? timeout : orDefault(env.timeout(), Duration.ofSeconds(10));
    Duration resolvedInterval = interval != null ? interval : orDefault(env.interval(), Duration.ofSeconds(60));
    TemporalityPreference envTemporality = env.temporality();
    // every variable is checked before anything starts
    ResourceConfig.merge(Resource.empty(), config, resourceAttributes, serviceName);
    HttpExportTransport transport = new HttpExportTransport(resolvedEndpoint, resolvedProtocol,
        resolvedHeaders, resolvedGzip, connectTimeout, sslContext);
    MetricReader resolvedReader = resolveReader(
        temporality != null ? temporality : orDefault(envTemporality, TemporalityPreference.CUMULATIVE));
    Resource resource = ResourceConfig.merge(resolvedReader.resource(), config,
        resourceAttributes, serviceName);
    return assemble(transport::post, resolvedEndpoint, resolvedProtocol, resolvedTimeout,
        resolvedInterval, resolvedReader, resource);
  }

  /** The wiring behind {@link #start()}, with the transport replaceable by tests. */
  OtlpExporter assemble(RetryingSender.Transport transport, URI resolvedEndpoint,
      OtlpProtocol resolvedProtocol, Duration resolvedTimeout, Duration resolvedInterval,
      MetricReader resolvedReader, Resource resource) {
    ExporterLog log = ExporterLog.standard();
    ExporterHealth health = new ExporterHealth();
    RetryingSender sender = new RetryingSender(transport, retryPolicy, resolvedTimeout,
        connectTimeout, resolvedEndpoint.toString(), log);
    ExportPipeline pipeline = new ExportPipeline(resolvedReader, ownsReader, resource,
        resolvedProtocol, sender, new DeltaBacklog(backlogMaxPoints), health, log);
    PeriodicExport periodic = new PeriodicExport("stria-otlp-exporter", pipeline, log,
        resolvedInterval, closeTimeout);
    AutoCloseable healthRegistration = HealthMetrics.register(registry, health);
    periodic.start(shutdownHook);
    return new OtlpExporter(periodic, health, resolvedEndpoint, closeTimeout, healthRegistration);
  }

  private MetricReader resolveReader(TemporalityPreference preference) {
    if (reader != null && registry != null) {
      throw new IllegalStateException("give an OTLP exporter registry(..) or reader(..), not both");
    }
    if (registry != null) {
      ownsReader = true;
      return registry.newReader(preference.selector());
    }
    if (reader != null) {
      if (temporality != null) {
        throw new IllegalStateException("temporalityPreference(" + temporality + ") cannot apply"
            + " to a reader given with reader(..): the reader has its own temporality");
      }
      ownsReader = false;
      return reader;
    }
    throw new IllegalStateException("an OTLP exporter needs registry(..) or reader(..)");
  }

  private static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static Duration positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be a positive duration");
    }
    return d;
  }
}
