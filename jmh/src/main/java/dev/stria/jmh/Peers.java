package dev.stria.jmh;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Recorder;

/**
 * How every peer library is set up for the benchmarks: each one the way its documentation
 * recommends for a hot path, with the Prometheus default buckets where it takes explicit buckets,
 * and with a reader attached where a library would otherwise skip the work (the OpenTelemetry
 * SDK records nothing without a registered reader).
 */
public final class Peers {
  /** The one label name every labelled instrument has. */
  public static final String LABEL = "route";

  /** {@link #LABEL} as an OpenTelemetry attribute key. */
  public static final AttributeKey<String> OTEL_LABEL = AttributeKey.stringKey(LABEL);

  /** The three histogram modes of Prometheus client_java 1.x. */
  public enum PrometheusMode {
    CLASSIC_ONLY,
    NATIVE_ONLY,
    /** client_java's default: every observation goes into both. */
    CLASSIC_AND_NATIVE
  }

  /** The SDK's own default: 2000 series per instrument. */
  private static final int DEFAULT_OTEL_CARDINALITY_LIMIT = 2000;

  private Peers() {}

  /** A client_java histogram in seconds with label {@link #LABEL}. */
  public static Histogram prometheusHistogram(
      PrometheusRegistry registry, String name, PrometheusMode mode) {
    Histogram.Builder builder =
        Histogram.builder()
            .name(name)
            .help("benchmark histogram")
            .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
            .labelNames(LABEL)
            .classicUpperBounds(Observations.PROMETHEUS_BOUNDS);
    switch (mode) {
      case CLASSIC_ONLY:
        builder.classicOnly();
        break;
      case NATIVE_ONLY:
        builder.nativeOnly();
        break;
      default:
        break;
    }
    return builder.register(registry);
  }

  /**
   * An SDK meter provider with an in-memory reader registered (cumulative, never collected during
   * a measurement), histograms explicit by default or base-2 exponential.
   */
  public static SdkMeterProvider otelProvider(boolean exponentialHistograms) {
    return otelProvider(exponentialHistograms, DEFAULT_OTEL_CARDINALITY_LIMIT);
  }

  /** As {@link #otelProvider(boolean)}, with room for {@code cardinalityLimit} series each. */
  public static SdkMeterProvider otelProvider(boolean exponentialHistograms, int cardinalityLimit) {
    SdkMeterProviderBuilder builder =
        SdkMeterProvider.builder()
            .registerMetricReader(InMemoryMetricReader.create(), type -> cardinalityLimit);
    if (exponentialHistograms) {
      builder.registerView(
          InstrumentSelector.builder().setType(InstrumentType.HISTOGRAM).build(),
          View.builder()
              .setAggregation(Aggregation.base2ExponentialBucketHistogram())
              // a view's limit replaces the reader's, so it is set here too
              .setCardinalityLimit(cardinalityLimit)
              .build());
    }
    return builder.build();
  }

  /** An SDK histogram in seconds whose explicit buckets are the Prometheus defaults. */
  public static DoubleHistogram otelHistogram(Meter meter, String name) {
    List<Double> bounds =
        Arrays.stream(Observations.PROMETHEUS_BOUNDS).boxed().collect(Collectors.toList());
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setExplicitBucketBoundariesAdvice(bounds)
        .build();
  }

  /** The attributes of one series, built once: the SDK's documented hot-path idiom. */
  public static Attributes otelAttributes(String labelValue) {
    return Attributes.of(OTEL_LABEL, labelValue);
  }

  /** A Micrometer summary whose service-level objectives are the Prometheus default buckets. */
  public static DistributionSummary micrometerSummary(
      MeterRegistry registry, String name, String labelValue) {
    return DistributionSummary.builder(name)
        .tag(LABEL, labelValue)
        .serviceLevelObjectives(Observations.PROMETHEUS_BOUNDS)
        .register(registry);
  }

  /** A Micrometer summary with its percentile histogram, sized for 1 ms to 1000 s. */
  public static DistributionSummary micrometerPercentileSummary(
      MeterRegistry registry, String name, String labelValue) {
    return DistributionSummary.builder(name)
        .tag(LABEL, labelValue)
        .publishPercentileHistogram()
        .minimumExpectedValue(0.001)
        .maximumExpectedValue(1000.0)
        .register(registry);
  }

  /** A Micrometer timer whose service-level objectives are the Prometheus default buckets. */
  public static Timer micrometerTimer(MeterRegistry registry, String name, String labelValue) {
    Duration[] slos = new Duration[Observations.PROMETHEUS_BOUNDS.length];
    for (int i = 0; i < slos.length; i++) {
      slos[i] = Duration.ofNanos(Math.round(Observations.PROMETHEUS_BOUNDS[i] * 1e9));
    }
    return Timer.builder(name).tag(LABEL, labelValue).serviceLevelObjectives(slos).register(registry);
  }

  /** An HdrHistogram recorder with three significant digits, up to one hour in nanoseconds. */
  public static Recorder hdrRecorder() {
    return new Recorder(3_600_000_000_000L, 3);
  }
}
