package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Concurrent scrapes of one collector share one collection, so a slow callback runs once. */
class SharedCollectionTest {

  @Test
  void aScrapeArrivingDuringASlowCallbackWaitsForThatCollectionInsteadOfRunningItsOwn()
      throws Exception {
    MeterRegistry registry = new MeterRegistry();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch insideCallback = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    registry.gauge("queue.depth").callback(() -> {
      calls.incrementAndGet();
      insideCallback.countDown();
      await(release);
      return 7;
    });
    StriaCollector collector =
        StriaCollector.builder(registry.newReader(Temporality.CUMULATIVE)).build();

    AtomicReference<MetricSnapshots> first = new AtomicReference<>();
    AtomicReference<MetricSnapshots> second = new AtomicReference<>();
    Thread a = new Thread(() -> first.set(collector.collect()));
    a.start();
    assertThat(insideCallback.await(30, TimeUnit.SECONDS)).isTrue();
    Thread b = new Thread(() -> second.set(collector.collect()));
    b.start();
    waitUntilParked(b);
    release.countDown();
    a.join();
    b.join();

    assertThat(calls).as("callback invocations for two concurrent scrapes").hasValue(1);
    assertThat(gaugeValue(first.get())).isEqualTo(7.0);
    assertThat(gaugeValue(second.get())).isEqualTo(7.0);
    collector.collect();
    assertThat(calls).as("a later scrape collects anew").hasValue(2);
  }

  private static void waitUntilParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
  }

  private static double gaugeValue(MetricSnapshots snapshots) {
    return snapshots.stream().filter(s -> s instanceof GaugeSnapshot)
        .map(s -> ((GaugeSnapshot) s).getDataPoints().get(0).getValue())
        .findFirst().orElseThrow();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
