package dev.stria;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

/** Spans made current without an SDK, as the demo does: the API's {@code Span.wrap}. */
final class Spans {
  private Spans() {}

  static String traceId(int n) {
    return String.format("%032x", 0xabc000L + n);
  }

  static String spanId(int n) {
    return String.format("%016x", 0xdef000L + n);
  }

  /** Makes span {@code n} current (sampled unless said otherwise); close the scope after. */
  static Scope current(int n, boolean sampled) {
    return Span.wrap(SpanContext.create(traceId(n), spanId(n),
        sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault()))
        .makeCurrent();
  }

  static Scope current(int n) {
    return current(n, true);
  }
}
