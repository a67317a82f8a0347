package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stria's protobuf writer against client_java 1.8.0's, the reference: the same bytes for the
 * same snapshots, whatever produced them, under every escaping scheme.
 */
class ProtobufFormatWriterTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @ParameterizedTest
  @EnumSource(EscapingScheme.class)
  void writesClientJavasBytesForEveryStriaInstrument(EscapingScheme scheme) {
    MeterRegistry registry = MeterRegistry.builder().scope("shop", "1.2")
        .resourceAttribute("service.name", "checkout").build();
    Counter requests = registry.counter("http.requests").labelNames("http.method").register();
    requests.labels("GET").inc();
    requests.labels("POST").incWithExemplar(TRACE, SPAN);
    registry.gauge("queue.depth").unit("{item}").register().set(-3.5);
    registry.upDownCounter("sessions.active").register().inc();
    Histogram latency = registry.histogram("http.server.duration").unit("s")
        .buckets(0.1, 0.5, 1).register();
    latency.observeWithExemplar(0.07, TRACE, SPAN);
    latency.observe(0.8);
    latency.observe(7);
    Histogram sizes = registry.histogram("rpc.payload.size").unit("By").exponential().register();
    sizes.observe(1e17); // a huge value first, then a small one: the scale drops to cover both
    sizes.observe(0.5);
    sizes.observe(0);
    sizes.observe(-12);
    sizes.observeWithExemplar(1536, TRACE, SPAN);
    Histogram both = registry.histogram("job.duration").unit("s").buckets(1, 10).exponential()
        .register();
    both.observe(3);
    registry.histogram("never.observed").exponential().register();

    try (MetricReader reader = registry.newReader(Temporality.CUMULATIVE)) {
      MetricSnapshots snapshots = StriaCollector.builder(reader).build().collect();

      assertSameBytes(snapshots, scheme);
      assertThat(Expose.families(stria(snapshots, scheme))).hasSizeGreaterThanOrEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(EscapingScheme.class)
  void writesClientJavasBytesForEverySnapshotTypeOfClientJava(EscapingScheme scheme) {
    Exemplar exemplar = Exemplar.builder().value(0.3).traceId(TRACE).spanId(SPAN)
        .timestampMillis(1_700_000_000_123L).build();
    MetricSnapshots snapshots = MetricSnapshots.of(
        CounterSnapshot.builder().name("orders").help("Orders placed")
            .dataPoint(CounterDataPointSnapshot.builder().value(0).labels(Labels.of("shop", "a"))
                .createdTimestampMillis(1_000).scrapeTimestampMillis(2_000).build())
            .dataPoint(CounterDataPointSnapshot.builder().value(12.5)
                .labels(Labels.of("shop", "b")).exemplar(exemplar).build())
            .build(),
        GaugeSnapshot.builder().name("temperature.celsius")
            .dataPoint(GaugeDataPointSnapshot.builder().value(Double.NaN).build())
            .build(),
        HistogramSnapshot.builder().name("latency_seconds").help("")
            .dataPoint(HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(
                    new double[] {0.1, 1, Double.POSITIVE_INFINITY}, new long[] {2, 0, 8}))
                .nativeSchema(3).nativeZeroCount(1).nativeZeroThreshold(1e-9)
                .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(
                    new int[] {-7, -5, 0, 1, 9}, new long[] {1, 0, 3, 2, 1}))
                .nativeBucketsForNegativeValues(NativeHistogramBuckets.of(
                    new int[] {4}, new long[] {2}))
                .sum(4.25).exemplars(Exemplars.of(exemplar)) // 10 observations either way
                .labels(Labels.of("route", "/"))
                .build())
            .build(),
        HistogramSnapshot.builder().name("queue_wait").gaugeHistogram(true)
            .dataPoint(HistogramDataPointSnapshot.builder()
                .nativeSchema(-2).nativeZeroCount(0).nativeZeroThreshold(0)
                .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(
                    new int[] {1}, new long[] {3}))
                .exemplars(Exemplars.of(exemplar)).scrapeTimestampMillis(1_500).build())
            .build(),
        SummarySnapshot.builder().name("rpc_duration")
            .dataPoint(SummaryDataPointSnapshot.builder().count(3).sum(1.5)
                .quantiles(Quantiles.of(new Quantile(0.5, 0.4), new Quantile(0.99, 1.1)))
                .build())
            .dataPoint(SummaryDataPointSnapshot.builder().labels(Labels.of("x", "1")).build())
            .build(),
        InfoSnapshot.builder().name("build")
            .dataPoint(InfoDataPointSnapshot.builder()
                .labels(Labels.of("version", "1.0", "commit", "abc")).build())
            .build(),
        StateSetSnapshot.builder().name("feature")
            .dataPoint(StateSetDataPointSnapshot.builder().state("beta", true)
                .state("dark_mode", false).labels(Labels.of("env", "prod")).build())
            .build(),
        UnknownSnapshot.builder().name("legacy.thing")
            .dataPoint(UnknownDataPointSnapshot.builder().value(42).exemplar(exemplar).build())
            .build());

    assertSameBytes(snapshots, scheme);
    assertThat(Expose.families(stria(snapshots, scheme))).hasSize(8);
  }

  @Test
  void writesClientJavasSpansAndDeltasForAnyNativeBuckets() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 500; round++) {
      int n = random.nextInt(1, 12);
      int[] indexes = new int[n];
      long[] counts = new long[n];
      int index = random.nextInt(-40, 40);
      for (int i = 0; i < n; i++) {
        index += random.nextInt(1, 6); // gaps of 0 to 4 empty buckets: filled or a new span
        indexes[i] = index;
        counts[i] = random.nextLong(0, 1L << random.nextInt(1, 40));
      }
      MetricSnapshots snapshots = MetricSnapshots.of(HistogramSnapshot.builder().name("h")
          .dataPoint(HistogramDataPointSnapshot.builder()
              .nativeSchema(random.nextInt(-4, 9)).nativeZeroCount(random.nextInt(3))
              .nativeZeroThreshold(0)
              .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(indexes, counts))
              .nativeBucketsForNegativeValues(NativeHistogramBuckets.of(
                  new int[] {indexes[0]}, new long[] {counts[n - 1]}))
              .build())
          .build());

      assertSameBytes(snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
    }
  }

  @Test
  void mergesSnapshotsOfOneNameAsClientJavaDoes() {
    MetricSnapshots snapshots = MetricSnapshots.of(
        CounterSnapshot.builder().name("jobs")
            .dataPoint(CounterDataPointSnapshot.builder().value(1).labels(Labels.of("q", "a"))
                .build())
            .build(),
        GaugeSnapshot.builder().name("other")
            .dataPoint(GaugeDataPointSnapshot.builder().value(2).build())
            .build());
    MetricSnapshots withDuplicate = MetricSnapshots.builder()
        .metricSnapshot(snapshots.get(0)).metricSnapshot(snapshots.get(1))
        .metricSnapshot(CounterSnapshot.builder().name("jobs")
            .dataPoint(CounterDataPointSnapshot.builder().value(5).labels(Labels.of("q", "b"))
                .build())
            .build())
        .build();

    assertSameBytes(withDuplicate, EscapingScheme.UNDERSCORE_ESCAPING);
    assertThat(Expose.families(stria(withDuplicate, EscapingScheme.UNDERSCORE_ESCAPING)).get(0)
        .getMetricCount()).isEqualTo(2);
  }

  @Test
  void leavesOutASummaryWithNothingInItWhereClientJavaWritesAFamilyWithoutAName() {
    MetricSnapshots snapshots = MetricSnapshots.of(
        SummarySnapshot.builder().name("empty_summary")
            .dataPoint(SummaryDataPointSnapshot.builder().build())
            .build(),
        GaugeSnapshot.builder().name("kept")
            .dataPoint(GaugeDataPointSnapshot.builder().value(1).build())
            .build());

    List<MetricFamily> clientJava = Expose.families(clientJava(snapshots, EscapingScheme.DEFAULT));
    List<MetricFamily> stria = Expose.families(stria(snapshots, EscapingScheme.DEFAULT));

    assertThat(clientJava).hasSize(2);
    assertThat(clientJava.get(0).hasName()).isFalse();
    assertThat(stria).containsExactly(clientJava.get(1));
  }

  @Test
  void writesNothingForNoSnapshots() {
    assertThat(stria(MetricSnapshots.of(), EscapingScheme.DEFAULT)).isEmpty();
  }

  private static void assertSameBytes(MetricSnapshots snapshots, EscapingScheme scheme) {
    byte[] expected = clientJava(snapshots, scheme);
    byte[] actual = stria(snapshots, scheme);
    if (!Arrays.equals(expected, actual)) {
      // the decoded messages say where they differ; the bytes alone would not
      assertThat(Expose.families(actual)).isEqualTo(Expose.families(expected));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static byte[] stria(MetricSnapshots snapshots, EscapingScheme scheme) {
    return write(new ProtobufFormatWriter(), snapshots, scheme);
  }

  private static byte[] clientJava(MetricSnapshots snapshots, EscapingScheme scheme) {
    return write(new PrometheusProtobufWriter(), snapshots, scheme);
  }

  private static byte[] write(ExpositionFormatWriter writer,
      MetricSnapshots snapshots, EscapingScheme scheme) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writer.write(out, snapshots, scheme);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
