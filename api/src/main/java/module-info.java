/**
 * Stria's API: {@code MeterRegistry}, the instruments, readers ({@code dev.stria}) and the
 * immutable snapshots every exporter is built on ({@code dev.stria.snapshot}).
 */
@SuppressWarnings("module") // the exporter modules are compiled after this one
module dev.stria {
  requires dev.stria.core;
  // optional: exemplars from the current span, only when present (see ExemplarSettings)
  requires static io.opentelemetry.api;

  exports dev.stria;
  exports dev.stria.snapshot;
  // not API: how the exporters read OTEL_* settings and merge the resource, the same way
  exports dev.stria.config to dev.stria.otlp, dev.stria.prometheus;
  // not API: the protobuf wire-format writer both exporters encode with
  exports dev.stria.wire to dev.stria.otlp, dev.stria.prometheus;
}
