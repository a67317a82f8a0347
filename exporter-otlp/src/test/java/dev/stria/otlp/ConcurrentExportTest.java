package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Threads record while the exporter exports every few milliseconds: totals stay exact. */
class ConcurrentExportTest {
  static final int THREADS = 4;
  static final int PER_THREAD = 25_000;

  @ParameterizedTest
  @EnumSource(value = TemporalityPreference.class, names = {"CUMULATIVE", "DELTA"})
  void receiverTotalsEqualWhatWasRecordedWhileExportsRan(TemporalityPreference preference)
      throws Exception {
    MeterRegistry registry = new MeterRegistry();
    Counter ops = registry.counter("ops").labelNames("parity").register();
    Histogram sizes = registry.histogram("sizes").buckets(10, 100).register();
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OtlpExporter exporter = EndToEndTest.exporter(registry, receiver)
          .temporalityPreference(preference).interval(Duration.ofMillis(5)).start();
      CountDownLatch start = new CountDownLatch(1);
      long giveUp = System.nanoTime() + 60_000_000_000L; // a stuck exporter fails below instead
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        Counter.Series series = ops.labels(t % 2 == 0 ? "even" : "odd");
        threads[t] = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < PER_THREAD; i++) {
            series.inc();
            sizes.observe(i % 200);
            if (i == PER_THREAD / 2) {
              // Hold the second half back until exports ran during the writes.
              while (receiver.received().size() < 3 && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
              }
            }
          }
        });
        threads[t].start();
      }
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      exporter.close();

      assertThat(receiver.kept().size()).isGreaterThan(1);
      long perSeries = 2L * PER_THREAD;
      assertThat(receiver.numberPoints("ops").stream()
          .filter(p -> p.getAsDouble() > 0 && p.getAsDouble() < perSeries).count())
          .as("exported points that caught the writers half way").isPositive();
      long expected = (long) THREADS * PER_THREAD;
      if (preference == TemporalityPreference.DELTA) {
        assertThat(receiver.deltaTotal("ops")).isEqualTo(expected);
        long count = 0;
        for (Metric m : receiver.metrics("sizes")) {
          for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
            count += p.getCount();
          }
        }
        assertThat(count).isEqualTo(expected);
      } else {
        Map<String, Double> lastBySeries = new HashMap<>();
        for (NumberDataPoint p : receiver.numberPoints("ops")) {
          lastBySeries.put(p.getAttributes(0).getValue().getStringValue(), p.getAsDouble());
        }
        assertThat(lastBySeries.values().stream().mapToDouble(Double::doubleValue).sum())
            .isEqualTo(expected);
        var metrics = receiver.metrics("sizes");
        assertThat(metrics.get(metrics.size() - 1).getHistogram().getDataPoints(0).getCount())
            .isEqualTo(expected);
      }
    }
  }
}
