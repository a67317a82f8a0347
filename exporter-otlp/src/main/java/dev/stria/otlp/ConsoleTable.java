package dev.stria.otlp;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A collection as a table for people: one row per series, columns aligned.
 *
 * <pre>
 * # 2026-11-22T04:06:10Z service.name=checkout scope=dev.stria 0.1.0
 * METRIC                TYPE       TEMPORALITY  LABELS            VALUE
 * http.server.requests  counter    cumulative   method="GET"      42
 * http.server.duration  histogram  delta        route="/orders"   count=6 sum=1.23 min=0.001 max=0.9 le0.1=3 le1=3 inf=0
 * </pre>
 */
final class ConsoleTable {
  private ConsoleTable() {}

  static String format(MetricBatch batch, Instant at) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"METRIC", "TYPE", "TEMPORALITY", "LABELS", "VALUE"});
    for (MetricSnapshot m : batch.metrics()) {
      for (PointSnapshot p : m.points()) {
        rows.add(new String[] {
            m.name() + (m.unit().isEmpty() ? "" : " [" + m.unit() + "]"),
            m.type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            m.type() == dev.stria.snapshot.MetricType.GAUGE ? "-"
                : m.temporality().name().toLowerCase(Locale.ROOT),
            labels(p), value(p)});
      }
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(at).append(' ');
    batch.resource().attributes().forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
    sb.append("scope=").append(batch.scope().name()).append(' ').append(batch.scope().version())
        .append('\n');
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        sb.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
      }
      sb.append(row[4]).append('\n');
    }
    return sb.toString();
  }

  private static String labels(PointSnapshot p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.labels().size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = p.labels().value(i).replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("\n", "\\n");
      sb.append(p.labels().name(i)).append("=\"").append(v).append('"');
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  private static String value(PointSnapshot p) {
    if (p instanceof CounterPoint c) {
      return number(c.value());
    }
    if (p instanceof GaugePoint g) {
      return number(g.value());
    }
    if (p instanceof HistogramPoint h) {
      StringBuilder sb = summary(h.count(), h.sum(), h.min(), h.max());
      for (int i = 0; i < h.bucketCounts().length; i++) {
        sb.append(i < h.bounds().length ? " le" + number(h.bounds()[i]) : " inf").append('=')
            .append(h.bucketCounts()[i]);
      }
      return sb.toString();
    }
    ExponentialHistogramPoint e = (ExponentialHistogramPoint) p;
    return summary(e.count(), e.sum(), e.min(), e.max()).append(" scale=").append(e.scale())
        .append(" zero=").append(e.zeroCount()).append(" positive=").append(e.positiveCounts().length)
        .append(" buckets from ").append(e.positiveOffset()).append(" negative=")
        .append(e.negativeCounts().length).append(" buckets from ").append(e.negativeOffset())
        .toString();
  }

  private static StringBuilder summary(long count, double sum, double min, double max) {
    StringBuilder sb = new StringBuilder().append("count=").append(count).append(" sum=")
        .append(number(sum));
    if (count > 0) {
      sb.append(" min=").append(number(min)).append(" max=").append(number(max));
    }
    return sb;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
