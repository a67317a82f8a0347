package dev.stria.otlp;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import java.util.List;

/** What one export carries: one resource, one scope and the metrics collected under them. */
record MetricBatch(Resource resource, InstrumentationScope scope, List<MetricSnapshot> metrics) {
  MetricBatch {
    metrics = List.copyOf(metrics);
  }

  /** The number of data points, the unit in which OTLP counts rejected and dropped data. */
  int pointCount() {
    int n = 0;
    for (MetricSnapshot m : metrics) {
      n += m.points().size();
    }
    return n;
  }
}
