package dev.stria.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.Exemplar;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.metrics.BoundDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exemplar kept through the bridge carries the span of the context the caller passed. */
class ContextExemplarTest {
  private static final String PASSED_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CURRENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static Context withSpan(String traceId, String spanId) {
    return Context.root().with(Span.wrap(SpanContext.create(traceId, spanId,
        TraceFlags.getSampled(), TraceState.getDefault())));
  }

  @Test
  void recordWithAContextKeepsThatContextsSpanNotTheCurrentOne() {
    MeterRegistry registry = new MeterRegistry();
    Meter meter = StriaMeterProvider.create(registry).get("checkout");
    DoubleHistogram latency = meter.histogramBuilder("latency").setUnit("s").build();
    LongCounter orders = meter.counterBuilder("orders").build();
    var reader = registry.newReader(Temporality.CUMULATIVE);

    try (Scope ignored = withSpan(CURRENT_TRACE, "00f067aa0ba902b7").makeCurrent()) {
      Context passed = withSpan(PASSED_TRACE, "b7ad6b7169203331");
      latency.record(0.25, Attributes.empty(), passed);
      orders.add(1, Attributes.empty(), passed);
      assertThat(Span.current().getSpanContext().getTraceId())
          .as("the caller's current span is back").isEqualTo(CURRENT_TRACE);
    }

    List<MetricSnapshot> batch = reader.collect();
    List<Exemplar> histogram = batch.stream().filter(m -> m.name().equals("latency"))
        .flatMap(m -> m.points().stream())
        .flatMap(p -> ((HistogramPoint) p).exemplars().stream()).toList();
    List<Exemplar> counter = batch.stream().filter(m -> m.name().equals("orders"))
        .flatMap(m -> m.points().stream())
        .flatMap(p -> ((CounterPoint) p).exemplars().stream()).toList();
    assertThat(histogram).extracting(Exemplar::traceId).containsExactly(PASSED_TRACE);
    assertThat(counter).extracting(Exemplar::traceId).containsExactly(PASSED_TRACE);
  }

  @Test
  void boundInstrumentsKeepThePassedContextsSpanToo() {
    MeterRegistry registry = new MeterRegistry();
    Meter meter = StriaMeterProvider.create(registry).get("checkout");
    BoundDoubleHistogram latency =
        ((ExtendedDoubleHistogram) meter.histogramBuilder("latency").build())
            .bind(Attributes.empty());
    BoundLongCounter orders =
        ((ExtendedLongCounter) meter.counterBuilder("orders").build()).bind(Attributes.empty());
    var reader = registry.newReader(Temporality.CUMULATIVE);

    try (Scope ignored = withSpan(CURRENT_TRACE, "00f067aa0ba902b7").makeCurrent()) {
      Context passed = withSpan(PASSED_TRACE, "b7ad6b7169203331");
      latency.record(0.25, passed);
      orders.add(1, passed);
    }

    List<MetricSnapshot> batch = reader.collect();
    assertThat(batch.stream().filter(m -> m.name().equals("latency"))
        .flatMap(m -> m.points().stream())
        .flatMap(p -> ((HistogramPoint) p).exemplars().stream()).toList())
        .extracting(Exemplar::traceId).containsExactly(PASSED_TRACE);
    assertThat(batch.stream().filter(m -> m.name().equals("orders"))
        .flatMap(m -> m.points().stream())
        .flatMap(p -> ((CounterPoint) p).exemplars().stream()).toList())
        .extracting(Exemplar::traceId).containsExactly(PASSED_TRACE);
  }
}
