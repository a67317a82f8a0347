package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import org.junit.jupiter.api.Test;

/** A callback that throws an Error costs its own series, not the export. */
class FailingCallbackExportTest {

  @Test
  void periodicExportAndFinalFlushSendTheOtherMetrics() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter jobs = registry.counter("jobs").register();
    registry.gauge("broken").callback(() -> {
      throw new NoClassDefFoundError("com/example/Gone");
    });
    registry.gauge("pool.size").labelNames("pool").callback(out -> out.record(4, "io"));
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OtlpExporter exporter = EndToEndTest.exporter(registry, receiver)
          .temporalityPreference(TemporalityPreference.DELTA).start();
      jobs.add(2);
      assertThat(exporter.forceFlush()).isTrue();
      jobs.add(3);
      exporter.close(); // the final flush

      assertThat(receiver.deltaTotal("jobs")).isEqualTo(5.0);
      assertThat(receiver.metrics("pool.size")).hasSize(2);
      assertThat(receiver.metrics("broken")).isEmpty();
    }
  }
}
