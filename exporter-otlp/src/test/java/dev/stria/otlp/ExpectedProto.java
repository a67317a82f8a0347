package dev.stria.otlp;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.ExponentialHistogramPoint;
import dev.stria.snapshot.GaugePoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.Arrays;
import java.util.List;

/**
 * The request the encoders must produce, built independently with the official generated
 * classes, field by field from the snapshot records.
 */
final class ExpectedProto {
  private ExpectedProto() {}

  static ExportMetricsServiceRequest of(MetricBatch batch) {
    Resource.Builder resource = Resource.newBuilder();
    batch.resource().attributes().forEach((k, v) -> resource.addAttributes(kv(k, v)));
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(
        InstrumentationScope.newBuilder().setName(batch.scope().name())
            .setVersion(batch.scope().version()));
    for (MetricSnapshot m : batch.metrics()) {
      if (!m.points().isEmpty()) {
        scope.addMetrics(metric(m));
      }
    }
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().setResource(resource).addScopeMetrics(scope))
        .build();
  }

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  private static List<KeyValue> attributes(Labels labels) {
    KeyValue[] out = new KeyValue[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = kv(labels.name(i), labels.value(i));
    }
    return Arrays.asList(out);
  }

  private static AggregationTemporality temporality(Temporality t) {
    return t == Temporality.DELTA ? AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
        : AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  }

  private static Metric metric(MetricSnapshot m) {
    Metric.Builder b = Metric.newBuilder().setName(m.name()).setDescription(m.description())
        .setUnit(m.unit());
    switch (m.type()) {
      case COUNTER, UP_DOWN_COUNTER -> {
        Sum.Builder sum = Sum.newBuilder().setAggregationTemporality(temporality(m.temporality()))
            .setIsMonotonic(m.type() == dev.stria.snapshot.MetricType.COUNTER);
        m.points().forEach(p -> sum.addDataPoints(number(p)));
        b.setSum(sum);
      }
      case GAUGE -> {
        Gauge.Builder gauge = Gauge.newBuilder();
        m.points().forEach(p -> gauge.addDataPoints(number(p)));
        b.setGauge(gauge);
      }
      case HISTOGRAM -> {
        Histogram.Builder h = Histogram.newBuilder()
            .setAggregationTemporality(temporality(m.temporality()));
        m.points().forEach(p -> h.addDataPoints(histogram((HistogramPoint) p)));
        b.setHistogram(h);
      }
      case EXPONENTIAL_HISTOGRAM -> {
        ExponentialHistogram.Builder h = ExponentialHistogram.newBuilder()
            .setAggregationTemporality(temporality(m.temporality()));
        m.points().forEach(p -> h.addDataPoints(exponential((ExponentialHistogramPoint) p)));
        b.setExponentialHistogram(h);
      }
    }
    return b.build();
  }

  private static NumberDataPoint number(PointSnapshot p) {
    double v = p instanceof CounterPoint c ? c.value() : ((GaugePoint) p).value();
    return NumberDataPoint.newBuilder().addAllAttributes(attributes(p.labels()))
        .setStartTimeUnixNano(p.startEpochNanos()).setTimeUnixNano(p.epochNanos())
        .setAsDouble(v).build();
  }

  private static HistogramDataPoint histogram(HistogramPoint p) {
    HistogramDataPoint.Builder b = HistogramDataPoint.newBuilder()
        .addAllAttributes(attributes(p.labels()))
        .setStartTimeUnixNano(p.startEpochNanos()).setTimeUnixNano(p.epochNanos())
        .setCount(p.count()).setSum(p.sum());
    for (long c : p.bucketCounts()) {
      b.addBucketCounts(c);
    }
    for (double bound : p.bounds()) {
      b.addExplicitBounds(bound);
    }
    if (p.count() > 0) {
      b.setMin(p.min()).setMax(p.max());
    }
    return b.build();
  }

  private static ExponentialHistogramDataPoint exponential(ExponentialHistogramPoint p) {
    ExponentialHistogramDataPoint.Builder b = ExponentialHistogramDataPoint.newBuilder()
        .addAllAttributes(attributes(p.labels()))
        .setStartTimeUnixNano(p.startEpochNanos()).setTimeUnixNano(p.epochNanos())
        .setCount(p.count()).setSum(p.sum()).setScale(p.scale()).setZeroCount(p.zeroCount())
        .setPositive(buckets(p.positiveOffset(), p.positiveCounts()))
        .setNegative(buckets(p.negativeOffset(), p.negativeCounts()));
    if (p.count() > 0) {
      b.setMin(p.min()).setMax(p.max());
    }
    return b.build();
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(int offset, long[] counts) {
    ExponentialHistogramDataPoint.Buckets.Builder b =
        ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset);
    for (long c : counts) {
      b.addBucketCounts(c);
    }
    return b.build();
  }
}
