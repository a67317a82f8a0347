package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated service's instruments, read directly: every request is counted exactly once. */
class SimulatedServiceTest {

  private static Map<String, MetricSnapshot> byName(List<MetricSnapshot> metrics) {
    return metrics.stream().collect(Collectors.toMap(MetricSnapshot::name, Function.identity()));
  }

  @Test
  void everyHandledRequestIsCountedAndTimedOnceWhileCollectionsRun() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    MetricReader delta = registry.newReader(Temporality.DELTA);
    long deltaRequests = 0;
    long deltaTimed = 0;
    SimulatedService service = new SimulatedService(registry, 4);
    while (service.handled() < 200) {   // collect while the workers record
      Map<String, MetricSnapshot> d = byName(delta.collect());
      deltaRequests += requests(d);
      deltaTimed += timed(d);
      TimeUnit.MILLISECONDS.sleep(5);
    }
    service.close();
    Map<String, MetricSnapshot> last = byName(delta.collect());
    deltaRequests += requests(last);
    deltaTimed += timed(last);
    Map<String, MetricSnapshot> total = byName(cumulative.collect());

    assertThat(requests(total)).isEqualTo(service.handled());
    assertThat(timed(total)).isEqualTo(service.handled());
    assertThat(deltaRequests).isEqualTo(service.handled());
    assertThat(deltaTimed).isEqualTo(service.handled());
    assertThat(((GaugePoint) total.get(SimulatedService.ACTIVE).points().get(0)).value())
        .isZero();
  }

  @Test
  void durationIsExponentialWithTheExplicitBucketsAlongside() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    try (SimulatedService service = new SimulatedService(registry, 1)) {
      while (service.handled() < 5) {
        TimeUnit.MILLISECONDS.sleep(5);
      }
    }
    MetricSnapshot duration = byName(reader.collect()).get(SimulatedService.DURATION);

    assertThat(duration.unit()).isEqualTo("s");
    assertThat(duration.points()).first().isInstanceOfSatisfying(
        ExponentialHistogramPoint.class, p -> assertThat(p.classic().bounds())
            .containsExactly(SimulatedService.DURATION_BUCKETS));
  }

  @Test
  void jvmMetricsAreReadAtCollectionAndGoneAfterClose() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    SimulatedService service = new SimulatedService(registry, 1);

    assertThat(byName(reader.collect()).get(SimulatedService.JVM_MEMORY).points())
        .anySatisfy(p -> {
          assertThat(p.labels().get("jvm.memory.type")).isEqualTo("heap");
          assertThat(((CounterPoint) p).value()).isPositive();
        });
    service.close();
    assertThat(byName(reader.collect())).doesNotContainKey(SimulatedService.JVM_MEMORY);
  }

  private static long requests(Map<String, MetricSnapshot> metrics) {
    MetricSnapshot requests = metrics.get(SimulatedService.REQUESTS);
    return requests == null ? 0 : requests.points().stream()
        .mapToLong(p -> (long) ((CounterPoint) p).value()).sum();
  }

  private static long timed(Map<String, MetricSnapshot> metrics) {
    MetricSnapshot duration = metrics.get(SimulatedService.DURATION);
    return duration == null ? 0 : duration.points().stream()
        .mapToLong(p -> ((ExponentialHistogramPoint) p).count()).sum();
  }
}
