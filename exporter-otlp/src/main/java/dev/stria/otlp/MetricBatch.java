package dev.stria.otlp;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import java.util.List;

/**
 * What one export carries: one resource, one scope and the metrics collected under them. The list
 * is not copied (it is a reader's fresh collection, or the backlog's merge of one), which keeps
 * encoding free of per-export allocation.
 */
record MetricBatch(Resource resource, InstrumentationScope scope, List<MetricSnapshot> metrics) {

  /** The number of data points, the unit in which OTLP counts rejected and dropped data. */
  int pointCount() {
    int n = 0;
    for (MetricSnapshot m : metrics) {
      n += m.points().size();
    }
    return n;
  }
}
