package dev.stria.otlp;

import dev.stria.MeterRegistry;
import dev.stria.config.ConfigSource;
import dev.stria.config.ResourceConfig;
import dev.stria.MetricReader;
import dev.stria.snapshot.Resource;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Prints a registry's metrics every interval — as a readable table or as OTLP/JSON — for
 * debugging and demos. Same thread model and lifecycle as {@link OtlpExporter}: a daemon thread,
 * {@link #forceFlush()}, and {@link #close()} printing one last time.
 *
 * <pre>{@code
 * try (ConsoleExporter console = ConsoleExporter.builder()
 *     .registry(registry)
 *     .format(ConsoleExporter.Format.TABLE)     // default; or OTLP_JSON (indented)
 *     .output(System.out)                       // default
 *     .interval(Duration.ofSeconds(10))         // default 60 s
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Defaults: table, {@code System.out}, 60 s, cumulative temporality, the registry's resource
 * plus the {@code telemetry.sdk.*} attributes (and {@code OTEL_SERVICE_NAME} / {@code
 * OTEL_RESOURCE_ATTRIBUTES}, like the OTLP exporter).
 */
public final class ConsoleExporter implements AutoCloseable {
  /** What each collection prints as. */
  public enum Format {
    /** One aligned row per series. */
    TABLE,
    /** The OTLP/JSON request the OTLP exporter would send, indented. */
    OTLP_JSON
  }

  private final PeriodicExport periodic;

  private ConsoleExporter(PeriodicExport periodic) {
    this.periodic = periodic;
  }

  /** A builder: table format on standard output every 60 s. */
  public static Builder builder() {
    return new Builder();
  }

  /** Prints now. */
  public boolean forceFlush() {
    return periodic.forceFlush(Duration.ofSeconds(10));
  }

  /** Stops and prints one last time. */
  @Override
  public void close() {
    periodic.close();
  }

  /** Configures a {@link ConsoleExporter}. */
  public static final class Builder {
    private MeterRegistry registry;
    private MetricReader reader;
    private Format format = Format.TABLE;
    private PrintStream output = System.out;
    private Duration interval = Duration.ofSeconds(60);
    private TemporalityPreference temporality = TemporalityPreference.CUMULATIVE;

    private Builder() {}

    /** The registry to print (required). */
    public Builder registry(MeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** Prints what {@code reader} collects (not closed by the exporter). */
    public Builder reader(MetricReader reader) {
      this.reader = reader;
      return this;
    }

    /** Table or OTLP/JSON (default table). */
    public Builder format(Format format) {
      this.format = format;
      return this;
    }

    /** Where to print (default {@code System.out}). */
    public Builder output(PrintStream output) {
      this.output = output;
      return this;
    }

    /** How often to print (default 60 s). */
    public Builder interval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval " + interval + " must be a positive duration");
      }
      this.interval = interval;
      return this;
    }

    /** The temporality preference (default cumulative). */
    public Builder temporalityPreference(TemporalityPreference preference) {
      this.temporality = preference;
      return this;
    }

    /** Starts printing every interval, and once more on close. */
    public ConsoleExporter start() {
      if ((registry == null) == (reader == null)) {
        throw new IllegalStateException("a console exporter needs registry(..) or reader(..)");
      }
      boolean owns = reader == null;
      MetricReader r = owns ? registry.newReader(temporality.selector()) : reader;
      Resource resource = ResourceConfig.merge(r.resource(), ConfigSource.system(),
          Map.of(), null);
      JsonMetricsEncoder json = new JsonMetricsEncoder(true);
      Format f = format;
      PrintStream out = output;
      ExportTask print = new ExportTask() {
        @Override
        public boolean export(long deadlineNanos, java.util.function.BooleanSupplier abandon) {
          MetricBatch batch = new MetricBatch(resource, r.scope(), r.collect());
          String text = f == Format.TABLE ? ConsoleTable.format(batch, Instant.now())
              : json.encodeToString(batch);
          synchronized (out) {
            out.println(text);
            out.println(); // a blank line between collections
            out.flush();
          }
          return !out.checkError();
        }

        @Override
        public void release() {
          if (owns) {
            r.close();
          }
        }
      };
      PeriodicExport periodic = new PeriodicExport("stria-console-exporter", print,
          ExporterLog.standard(), interval, Duration.ofSeconds(10));
      periodic.start(false);
      return new ConsoleExporter(periodic);
    }
  }
}
