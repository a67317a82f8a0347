package dev.stria;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;

/**
 * Run in a child JVM by {@link OpenTelemetryAbsenceTest}: records with exemplars on or off
 * ({@code args[0]}), keeps one exemplar by hand, and prints how many exemplars were collected.
 */
public final class ExemplarChild {
  private ExemplarChild() {}

  public static void main(String[] args) {
    MeterRegistry registry =
        MeterRegistry.builder().exemplars(!args[0].equals("off")).build();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    Histogram latency = registry.histogram("latency").register();
    Counter jobs = registry.counter("jobs").register();
    for (int i = 0; i < 1000; i++) {
      latency.observe(i / 100.0);
      jobs.inc();
    }
    latency.observeWithExemplar(0.2, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
    int exemplars = 0;
    for (MetricSnapshot metric : reader.collect()) {
      Object point = metric.points().get(0);
      exemplars += point instanceof HistogramPoint h ? h.exemplars().size()
          : ((CounterPoint) point).exemplars().size();
    }
    System.out.println("exemplars=" + exemplars);
  }
}
