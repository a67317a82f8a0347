package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's push target when no OTLP receiver is configured: prints a cumulative reader's
 * collection as a readable table, every minute and once more when closed.
 *
 * <p>A stand-in kept inside the examples until the OTLP module ships its own console exporter.
 */
final class ConsoleExporter implements AutoCloseable {
  static final long INTERVAL_SECONDS = 60;

  private final MetricReader reader;
  private final PrintStream out;
  private final ScheduledExecutorService schedule;
  private boolean closed;

  private ConsoleExporter(MetricReader reader, PrintStream out) {
    this.reader = reader;
    this.out = out;
    this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stria-console-exporter");
      t.setDaemon(true);
      return t;
    });
  }

  static ConsoleExporter start(MeterRegistry registry, PrintStream out) {
    ConsoleExporter exporter =
        new ConsoleExporter(registry.newReader(Temporality.CUMULATIVE), out);
    exporter.schedule.scheduleAtFixedRate(exporter::forceFlush, INTERVAL_SECONDS,
        INTERVAL_SECONDS, TimeUnit.SECONDS);
    return exporter;
  }

  /** Prints the current totals; true (printing cannot fail to deliver). */
  synchronized boolean forceFlush() {
    if (closed) {
      return true;
    }
    print(reader.collect());
    return true;
  }

  /** Stops the schedule and prints once more. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    schedule.shutdownNow();
    print(reader.collect());
    closed = true;
    reader.close();
  }

  private void print(List<MetricSnapshot> metrics) {
    StringBuilder table = new StringBuilder("--- metrics at ").append(Instant.now()).append('\n');
    for (MetricSnapshot metric : metrics) {
      for (PointSnapshot point : metric.points()) {
        table.append(String.format(Locale.ROOT, "%-32s %-10s %s%n",
            metric.name() + labels(point.labels()),
            metric.unit().isEmpty() ? "" : "[" + metric.unit() + "]", value(point)));
      }
    }
    out.print(table);
    out.flush();
  }

  private static String labels(Labels labels) {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      s.append(i == 0 ? "" : ",").append(labels.name(i)).append('=').append(labels.value(i));
    }
    return s.append('}').toString();
  }

  private static String value(PointSnapshot point) {
    if (point instanceof CounterPoint c) {
      return number(c.value());
    } else if (point instanceof GaugePoint g) {
      return number(g.value());
    } else if (point instanceof HistogramPoint h) {
      return distribution(h.count(), h.sum(), h.min(), h.max());
    } else if (point instanceof ExponentialHistogramPoint e) {
      return distribution(e.count(), e.sum(), e.min(), e.max());
    }
    return point.toString();
  }

  private static String distribution(long count, double sum, double min, double max) {
    return "count=" + count + " sum=" + number(sum) + " min=" + number(min)
        + " max=" + number(max);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
  }
}
