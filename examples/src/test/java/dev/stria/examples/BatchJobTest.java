package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchJobTest {

  @Test
  void everyOperationIsTimedFailedOnesIncludedAndEveryFailureCountedAsAnError() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.DELTA);
    MetricReader inFlight = registry.newReader(Temporality.CUMULATIVE);
    BatchJob job = new BatchJob(registry, new SplittableRandom(7));

    BatchJob.Result result = job.run(200);
    List<MetricSnapshot> metrics = reader.collect();

    assertThat(result.operations()).isEqualTo(200);
    assertThat(result.failures()).isBetween(1, 40);   // about 5% of 200 with this seed
    assertThat(point(metrics, BatchJob.DURATION, "ok", HistogramPoint.class).count()
        + point(metrics, BatchJob.DURATION, "error", HistogramPoint.class).count())
        .isEqualTo(200);
    assertThat(point(metrics, BatchJob.CALLS, "error", CounterPoint.class).value())
        .isEqualTo(result.failures());
    assertThat(point(metrics, BatchJob.CALLS, "ok", CounterPoint.class).value())
        .isEqualTo(200 - result.failures());
    assertThat(point(inFlight.collect(), BatchJob.OPERATION + ".active", null, CounterPoint.class)
        .value()).isZero();
  }

  private static <T> T point(List<MetricSnapshot> metrics, String name, String status,
      Class<T> type) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow()
        .points().stream().filter(p -> Objects.equals(p.labels().get("status"), status))
        .map(type::cast).findFirst().orElseThrow();
  }
}
