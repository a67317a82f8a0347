/**
 * Stria's API: {@code MeterRegistry}, the instruments, readers ({@code dev.stria}) and the
 * immutable snapshots every exporter is built on ({@code dev.stria.snapshot}).
 */
module dev.stria {
  requires dev.stria.core;

  exports dev.stria;
  exports dev.stria.snapshot;
}
