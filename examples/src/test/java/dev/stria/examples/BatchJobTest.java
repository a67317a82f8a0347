package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchJobTest {

  @Test
  void everyOperationIsTimedFailedOnesIncludedAndEveryFailureCounted() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.DELTA);
    BatchJob job = new BatchJob(registry, new SplittableRandom(7));

    BatchJob.Result result = job.run(200);
    List<MetricSnapshot> metrics = reader.collect();

    assertThat(result.operations()).isEqualTo(200);
    assertThat(result.failures()).isBetween(1, 40);   // about 5% of 200 with this seed
    assertThat(point(metrics, BatchJob.DURATION, HistogramPoint.class).count()).isEqualTo(200);
    assertThat(point(metrics, BatchJob.ERRORS, CounterPoint.class).value())
        .isEqualTo(result.failures());
  }

  private static <T> T point(List<MetricSnapshot> metrics, String name, Class<T> type) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow()
        .points().stream().map(type::cast).findFirst().orElseThrow();
  }
}
