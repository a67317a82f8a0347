package dev.stria;

import dev.stria.snapshot.Exemplar;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The only class that touches OpenTelemetry: it reads the current span. Only a series whose
 * {@link ExemplarSettings} found the API present (a {@code Class.forName}, itself made only when
 * the first instrument with exemplars on is registered) ever calls it, so without {@code
 * opentelemetry-api} on the class or module path, or with exemplars off, no OpenTelemetry class
 * is ever loaded.
 */
final class CurrentSpan {
  private CurrentSpan() {}

  /**
   * An exemplar of {@code value} in the current span if it is sampled, else null. {@code
   * nanoTime} is the recording's {@code System.nanoTime()}, or {@link ExemplarSeries#NO_TIME} to
   * read the clock here (only when there is a span to keep).
   */
  static Exemplar sampled(double value, long nanoTime, ExemplarClock clock) {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isSampled()) {
      return null;
    }
    long time = nanoTime != ExemplarSeries.NO_TIME ? nanoTime : System.nanoTime();
    return new Exemplar(value, clock.epochNanos(time), context.getTraceId(), context.getSpanId());
  }
}
