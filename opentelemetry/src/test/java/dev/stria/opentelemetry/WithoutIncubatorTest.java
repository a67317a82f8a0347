package dev.stria.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bridge on {@code opentelemetry-api} alone: the pom runs this class in a surefire execution
 * of its own whose class path leaves the optional incubator jar out (and the default execution
 * skips it). Every instrument kind of the workload records; nothing names an incubator class.
 */
@Tag("without-incubator")
class WithoutIncubatorTest {

  @Test
  void theIncubatorIsAbsentHere() {
    assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.incubator.metrics.ExtendedLongCounter"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(Incubator.PRESENT).isFalse();
  }

  @Test
  void everyInstrumentKindRecordsWithoutTheIncubator() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    StriaMeterProvider provider = StriaMeterProvider.create(registry);
    Workload workload = new Workload(provider);
    workload.first();
    workload.second();

    List<MetricSnapshot> metrics = reader.collect();
    assertThat(metrics).extracting(MetricSnapshot::name).contains("orders.processed",
        "orders.revenue", "jobs.queued", "account.balance", "http.server.request.duration",
        "http.server.request.body.size", "machine.temperature", "worker.threads", "items.read",
        "pool.size", "heap.ratio", "http.connections", "system.load");
    MetricSnapshot orders = metrics.stream().filter(m -> m.name().equals("orders.processed"))
        .findFirst().orElseThrow();
    assertThat(orders.points().stream().mapToDouble(p -> ((CounterPoint) p).value()).sum())
        .isEqualTo(3 + 2 + 1 + 4 + 5 + 7);
    Object counter = provider.get("x").counterBuilder("c").build();
    assertThat(Arrays.stream(counter.getClass().getInterfaces()).map(Class::getName))
        .noneMatch(name -> name.contains("incubator"));
  }
}
