package dev.stria.prometheus;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Configures a {@link PushgatewayExporter}; the names follow client_java's {@code PushGateway}
 * builder.
 *
 * <pre>{@code
 * PushgatewayExporter exporter = PushgatewayExporter.builder()
 *     .registry(registry)
 *     .address("https://pushgateway.example.com:9091").sslContext(privateCa)
 *     .job("nightly-import").groupingKey("instance", "worker-3")
 *     .basicAuth("stria", password)
 *     .interval(Duration.ofSeconds(30))        // also push every 30 s while the job runs
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>registry or reader</td><td>required, one of them</td></tr>
 *   <tr><td>address</td><td>{@code http://localhost:9091}</td></tr>
 *   <tr><td>job</td><td>required</td></tr>
 *   <tr><td>groupingKey</td><td>none</td></tr>
 *   <tr><td>basicAuth or bearerToken</td><td>none</td></tr>
 *   <tr><td>sslContext</td><td>the JDK's default (its trust store), for {@code https}</td></tr>
 *   <tr><td>format</td><td>{@link PushgatewayExporter.Format#PROMETHEUS_PROTOBUF}</td></tr>
 *   <tr><td>connectTimeout, timeout</td><td>10 s each</td></tr>
 *   <tr><td>pushOnClose</td><td>true</td></tr>
 *   <tr><td>shutdownHook</td><td>true</td></tr>
 *   <tr><td>interval</td><td>none (no periodic push)</td></tr>
 *   <tr><td>targetInfo, scopeLabels</td><td>true, as {@link PrometheusExporter}</td></tr>
 * </table>
 */
public final class PushgatewayExporterBuilder {
  private MeterRegistry registry;
  private MetricReader reader;
  private URI address = URI.create("http://localhost:9091");
  private String job;
  private final Map<String, String> groupingKey = new LinkedHashMap<>();
  private String authorization;
  private SSLContext sslContext;
  private PushgatewayExporter.Format format = PushgatewayExporter.Format.PROMETHEUS_PROTOBUF;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration timeout = Duration.ofSeconds(10);
  private boolean pushOnClose = true;
  private boolean shutdownHook = true;
  private Duration interval;
  private boolean targetInfo = true;
  private boolean scopeLabels = true;

  PushgatewayExporterBuilder() {}

  /**
   * The registry to push, through a cumulative reader of its own (this or a reader); the
   * exporter's health counters are published in it.
   */
  public PushgatewayExporterBuilder registry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /** A cumulative reader to push (this or a registry); the exporter does not close it. */
  public PushgatewayExporterBuilder reader(MetricReader reader) {
    this.reader = reader;
    return this;
  }

  /**
   * Where the Pushgateway listens: {@code http(s)://host:port}, with a path prefix if it is
   * served under one, or {@code host:port} for plain HTTP (default {@code
   * http://localhost:9091}).
   */
  public PushgatewayExporterBuilder address(String address) {
    this.address = PushgatewayGroup.parseAddress(address);
    return this;
  }

  /** The {@code job} label of the group (required; any non-empty string, {@code /} included). */
  public PushgatewayExporterBuilder job(String job) {
    if (job == null || job.isEmpty()) {
      throw new IllegalArgumentException("the Pushgateway job name must not be empty, got '"
          + job + "'");
    }
    this.job = job;
    return this;
  }

  /**
   * Adds a label to the group's key, after the job ({@code instance} is the usual one). Any value
   * is allowed, {@code /} and the empty string included: they are sent base64-encoded.
   */
  public PushgatewayExporterBuilder groupingKey(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("grouping key '" + name + "' needs a value, got null");
    }
    groupingKey.put(PushgatewayGroup.checkLabelName(name), value);
    return this;
  }

  /** HTTP basic authentication on every request (instead of a bearer token). */
  public PushgatewayExporterBuilder basicAuth(String user, String password) {
    if (user == null || password == null) {
      throw new IllegalArgumentException("basic authentication needs a user and a password");
    }
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** {@code Authorization: Bearer <token>} on every request (instead of basic authentication). */
  public PushgatewayExporterBuilder bearerToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("the bearer token must not be empty");
    }
    this.authorization = "Bearer " + token;
    return this;
  }

  /** The TLS context for an {@code https} address (a private CA, client certificates). */
  public PushgatewayExporterBuilder sslContext(SSLContext sslContext) {
    this.sslContext = sslContext;
    return this;
  }

  /** Protobuf (default: it carries native histograms) or text. */
  public PushgatewayExporterBuilder format(PushgatewayExporter.Format format) {
    if (format == null) {
      throw new IllegalArgumentException("format must not be null");
    }
    this.format = format;
    return this;
  }

  /** How long connecting may take (default 10 s). */
  public PushgatewayExporterBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    return this;
  }

  /** How long one request may wait for the Pushgateway's answer (default 10 s). */
  public PushgatewayExporterBuilder timeout(Duration timeout) {
    this.timeout = positive("timeout", timeout);
    return this;
  }

  /** Whether {@code close()} pushes ({@code PUT}) once more (default true). */
  public PushgatewayExporterBuilder pushOnClose(boolean enabled) {
    this.pushOnClose = enabled;
    return this;
  }

  /**
   * Whether a JVM shutdown hook closes the exporter — and so pushes — when the job exits without
   * closing it (default true; {@code close()} removes the hook).
   */
  public PushgatewayExporterBuilder shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
    return this;
  }

  /** Also pushes ({@code PUT}) every {@code interval} on a daemon thread (default: never). */
  public PushgatewayExporterBuilder interval(Duration interval) {
    this.interval = positive("interval", interval);
    return this;
  }

  /** Whether resource attributes are pushed as {@code target_info} (default true). */
  public PushgatewayExporterBuilder targetInfo(boolean enabled) {
    this.targetInfo = enabled;
    return this;
  }

  /** Whether series carry {@code otel_scope_name}/{@code otel_scope_version} (default true). */
  public PushgatewayExporterBuilder scopeLabels(boolean enabled) {
    this.scopeLabels = enabled;
    return this;
  }

  /**
   * Builds the exporter; starts the periodic push and registers the shutdown hook when asked.
   * Nothing is pushed until {@code push()}, {@code pushAdd()}, the interval or {@code close()}.
   *
   * @throws IllegalArgumentException if the job is missing, neither or both of a registry and a
   *     reader were given, or the reader is not cumulative
   */
  public PushgatewayExporter build() {
    if (job == null) {
      throw new IllegalArgumentException("the Pushgateway exporter needs a job name: job(..)");
    }
    if ((registry == null) == (reader == null)) {
      throw new IllegalArgumentException("the Pushgateway exporter needs either a MeterRegistry"
          + " or a MetricReader, got " + (registry == null ? "neither" : "both"));
    }
    boolean ownsReader = reader == null;
    MetricReader source = ownsReader ? registry.newReader(Temporality.CUMULATIVE) : reader;
    StriaCollector collector;
    try {
      collector = StriaCollector.builder(source).targetInfo(targetInfo).scopeLabels(scopeLabels)
          .createdTimestamps(false)   // a pushed group has no use for them; text 0.0.4 has none
          .build();
    } catch (RuntimeException e) {
      if (ownsReader) {
        source.close();
      }
      throw e;
    }
    PushgatewayExporter exporter = new PushgatewayExporter(collector, ownsReader,
        PushgatewayGroup.url(address, job, groupingKey), format,
        new PushgatewayClient(connectTimeout, timeout, sslContext, authorization), pushOnClose);
    exporter.healthMetrics(PushgatewayHealthMetrics.register(registry, exporter));
    if (interval != null) {
      ScheduledThreadPoolExecutor schedule = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "stria-pushgateway-" + job);
        t.setDaemon(true);
        return t;
      });
      long ms = interval.toMillis();
      schedule.scheduleWithFixedDelay(exporter::pushPeriodically, ms, ms, TimeUnit.MILLISECONDS);
      exporter.periodic(schedule);
    }
    if (shutdownHook) {
      Thread hook = new Thread(() -> exporter.close(true), "stria-pushgateway-flush-" + job);
      exporter.shutdownHook(hook);
      Runtime.getRuntime().addShutdownHook(hook);
    }
    return exporter;
  }

  private static Duration positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be a positive duration");
    }
    return d;
  }
}
