package dev.stria.jmh;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A histogram with explicit (Prometheus default) and exponential buckets at once, one labelled
 * series, values log-uniform over six decades: Stria's one cell with an explicit view beside
 * client_java's default histogram, which also keeps classic and native buckets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CombinedHistogramBenchmark {
  private dev.stria.Histogram.Series stria;
  private DistributionDataPoint prometheusClassicAndNative;

  @Setup
  public void setUp() {
    stria = new StriaSetup().registry().histogram("duration").unit("s")
        .buckets(Observations.PROMETHEUS_BOUNDS).exponential().labelNames(Peers.LABEL)
        .register().labels("/orders");
    prometheusClassicAndNative =
        Peers.prometheusHistogram(new PrometheusRegistry(), "both",
            Peers.PrometheusMode.CLASSIC_AND_NATIVE).labelValues("/orders");
  }

  @Benchmark
  public void striaExplicitAndExponential(Cursor cursor) {
    stria.observe(cursor.exponentialSeconds());
  }

  @Benchmark
  public void prometheusClassicAndNative(Cursor cursor) {
    prometheusClassicAndNative.observe(cursor.exponentialSeconds());
  }
}
