package dev.stria.otlp;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import java.time.Duration;

/**
 * A tiny batch job for {@link ShutdownHookTest}: records a known total and returns from {@code
 * main} without closing anything and without asking for a shutdown hook: the exporter's
 * default hook must deliver it.
 */
public final class BatchJobMain {
  static final int ITEMS = 12_345;

  public static void main(String[] args) throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter processed = registry.counter("batch.items").register();
    OtlpExporter.builder().registry(registry).endpoint(args[0])
        .temporalityPreference(TemporalityPreference.DELTA).closeTimeout(Duration.ofSeconds(3))
        .interval(Duration.ofHours(1)).start(); // the shutdown hook is on by default
    Thread worker = new Thread(() -> {
      for (int i = 0; i < ITEMS; i++) {
        processed.inc();
      }
    });
    worker.start();
    worker.join();
  }
}
