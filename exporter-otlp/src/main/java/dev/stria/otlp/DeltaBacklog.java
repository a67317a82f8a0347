package dev.stria.otlp;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delta data whose export failed, held back and merged into the next export so that nothing
 * recorded is lost while the receiver is unreachable.
 *
 * <p>Only points with {@link Temporality#DELTA} are held: cumulative points (every point under
 * the {@code cumulative} preference; up-down counters and gauges under the others) are superseded
 * by the next collection, which carries the same totals again.
 *
 * <p><b>The bound.</b> At most {@code maxPoints} points (one per series) are held. Merging a new
 * delta into a held series adds counts and needs no room, so an application with a fixed set of
 * series loses nothing however long the outage lasts: only the intervals widen. When a failed
 * export holds more points than the bound, the first {@code maxPoints} in collection order are
 * kept and the rest are dropped; {@link #retain} returns how many, and the exporter adds them to
 * its {@code stria.otlp.points.dropped} counter and logs a warning. Exponential histograms merged
 * across a long outage may lose resolution (their scale is reduced to stay within 160 buckets)
 * but never counts.
 *
 * <p>Used by the single exporting thread only.
 */
final class DeltaBacklog {
  /** Default bound: 10,000 points, a few MB at most. */
  static final int DEFAULT_MAX_POINTS = 10_000;

  private final int maxPoints;
  private List<MetricSnapshot> held = List.of();
  private int heldPoints;
  private int droppedOnMerge;

  DeltaBacklog(int maxPoints) {
    if (maxPoints < 0) {
      throw new IllegalArgumentException("backlog bound " + maxPoints + " must be >= 0");
    }
    this.maxPoints = maxPoints;
  }

  int heldPoints() {
    return heldPoints;
  }

  /** Held points that could not be merged (histogram bounds changed) since the last call. */
  int takeDroppedOnMerge() {
    int n = droppedOnMerge;
    droppedOnMerge = 0;
    return n;
  }

  /**
   * The fresh collection with the held data merged in (series by series), after which nothing is
   * held. Held metrics or series absent from the fresh collection are appended.
   */
  List<MetricSnapshot> drainInto(List<MetricSnapshot> fresh) {
    if (held.isEmpty()) {
      return fresh;
    }
    Map<String, MetricSnapshot> older = new LinkedHashMap<>();
    for (MetricSnapshot m : held) {
      older.put(key(m), m);
    }
    List<MetricSnapshot> merged = new ArrayList<>(fresh.size() + older.size());
    for (MetricSnapshot m : fresh) {
      MetricSnapshot old = m.temporality() == Temporality.DELTA ? older.remove(key(m)) : null;
      merged.add(old == null ? m : mergeMetric(old, m));
    }
    merged.addAll(older.values());
    held = List.of();
    heldPoints = 0;
    return merged;
  }

  /** Holds the delta points of a failed export, up to the bound; returns the points dropped. */
  int retain(List<MetricSnapshot> failed) {
    List<MetricSnapshot> keep = new ArrayList<>();
    int kept = 0;
    int dropped = 0;
    for (MetricSnapshot m : failed) {
      if (m.temporality() != Temporality.DELTA || m.points().isEmpty()) {
        continue;
      }
      int room = maxPoints - kept;
      int n = m.points().size();
      if (n <= room) {
        keep.add(m);
        kept += n;
      } else {
        if (room > 0) {
          keep.add(m.withPoints(m.points().subList(0, room)));
          kept += room;
        }
        dropped += n - Math.max(room, 0);
      }
    }
    held = keep;
    heldPoints = kept;
    return dropped;
  }

  private static String key(MetricSnapshot m) {
    return m.name() + '\u0000' + m.type() + '\u0000' + m.unit() + '\u0000' + m.scope();
  }

  private MetricSnapshot mergeMetric(MetricSnapshot older, MetricSnapshot newer) {
    Map<Labels, PointSnapshot> byLabels = new LinkedHashMap<>();
    for (PointSnapshot p : older.points()) {
      byLabels.put(p.labels(), p);
    }
    List<PointSnapshot> points = new ArrayList<>(newer.points().size() + byLabels.size());
    for (PointSnapshot p : newer.points()) {
      PointSnapshot old = byLabels.remove(p.labels());
      PointSnapshot merged = old == null ? p : DeltaMerge.merge(old, p);
      if (merged == null) {
        droppedOnMerge++;
        merged = p;
      }
      points.add(merged);
    }
    points.addAll(byLabels.values());
    return newer.withPoints(points);
  }
}
