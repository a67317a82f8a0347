package dev.stria.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class BenchmarkLayoutTest {
  private static final List<Class<?>> CASES = List.of(
      CounterBenchmark.class, GaugeBenchmark.class, HistogramBenchmark.class,
      ExponentialHistogramBenchmark.class, TimerBenchmark.class, LabelLookupBenchmark.class,
      PerThreadSeriesCounterBenchmark.class, PerThreadSeriesHistogramBenchmark.class);

  private static List<String> benchmarkMethods(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(method -> method.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .toList();
  }

  @Test
  void everyCaseHasItsStriaSideInTheSameClassAsItsPeers() {
    for (Class<?> type : CASES) {
      assertThat(benchmarkMethods(type)).as(type.getSimpleName()).anyMatch(m -> m.startsWith("stria"));
      assertThat(benchmarkMethods(type)).as(type.getSimpleName())
          .anyMatch(m -> m.startsWith("prometheus"))
          .anyMatch(m -> m.startsWith("otel"));
    }
  }

  @Test
  void explicitValuesFillEveryPrometheusDefaultBucketEvenly() {
    double[] bounds = Observations.PROMETHEUS_BOUNDS;
    int[] perBucket = new int[bounds.length + 1];
    for (double value : Observations.EXPLICIT_SECONDS) {
      int bucket = 0;
      while (bucket < bounds.length && value > bounds[bucket]) {
        bucket++;
      }
      perBucket[bucket]++;
    }
    int even = Observations.SIZE / perBucket.length;
    assertThat(Arrays.stream(perBucket).boxed().toList())
        .allSatisfy(count -> assertThat(count).isBetween(even, even + 1));
  }

  @Test
  void exponentialValuesSpanSixDecades() {
    assertThat(Arrays.stream(Observations.EXPONENTIAL_SECONDS).boxed().toList())
        .allSatisfy(value -> assertThat(value).isBetween(1e-3, 1e3));
    assertThat(Arrays.stream(Observations.EXPONENTIAL_SECONDS).min().getAsDouble()).isLessThan(2e-3);
    assertThat(Arrays.stream(Observations.EXPONENTIAL_SECONDS).max().getAsDouble()).isGreaterThan(500);
  }
}
