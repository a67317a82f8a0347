package dev.stria.otlp;

import dev.stria.config.ConfigSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exporter against a loopback receiver that injects faults. */
class ExporterFaultsTest {
  static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40),
      2, Duration.ofSeconds(5));

  /** A registry with the counter "jobs" by "series", and the reader an exporter reads. */
  static final class Jobs {
    final MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "fake").build();
    final Counter jobs = registry.counter("jobs").unit("1").labelNames("series").register();
    final MetricReader reader;

    Jobs(Temporality temporality) {
      reader = registry.newReader(temporality);
    }

    void add(String series, long n) {
      jobs.labels(series).add(n);
    }
  }

  static OtlpExporterBuilder builder(Jobs jobs, String endpoint) {
    return new OtlpExporterBuilder(ConfigSource.of(Map.of()))
        .reader(jobs.reader).endpoint(endpoint).interval(Duration.ofHours(1)).retryPolicy(FAST)
        .timeout(Duration.ofSeconds(5)).closeTimeout(Duration.ofSeconds(5));
  }

  @Test
  void status503IsRetriedAndThenDelivered() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = new OtlpReceiver().then(OtlpReceiver.Reply.status(503));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 5);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.received()).extracting(OtlpReceiver.Received::status)
          .containsExactly(503, 200);
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(5);
      assertThat(exporter.health().exportsSucceeded()).isEqualTo(1);
      assertThat(exporter.health().exportsFailed()).isZero();
    }
  }

  @Test
  void status429WaitsForRetryAfterBeforeTheNextAttempt() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = new OtlpReceiver().then(
            new OtlpReceiver.Reply(429, "1", "text/plain", new byte[0], 0));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 3);
      assertThat(exporter.forceFlush()).isTrue();
      var r = receiver.received();
      assertThat(r).extracting(OtlpReceiver.Received::status).containsExactly(429, 200);
      // the policy's backoff is at most 40 ms: a one-second gap can only come from Retry-After
      assertThat(r.get(1).nanoTime() - r.get(0).nanoTime())
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(3);
    }
  }

  @Test
  void retryAfterBeyondTheTimeLimitEndsTheExportAndKeepsTheDelta() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = new OtlpReceiver().then(
            new OtlpReceiver.Reply(503, "3600", "text/plain", new byte[0], 0));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 3);
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(receiver.received()).hasSize(1);
      reader.add("a", 4);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(7);
    }
  }

  @Test
  void connectionRefusedForAWhileThenUpDeliversExactDeltaTotals() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpExporter exporter =
        builder(reader, "http://127.0.0.1:" + port + "/v1/metrics").start()) {
      reader.add("a", 5);
      reader.add("b", 1);
      assertThat(exporter.forceFlush()).isFalse();
      reader.add("a", 7);
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(exporter.health().exportsFailed()).isEqualTo(2);
      try (OtlpReceiver receiver = new OtlpReceiver(port)) {
        reader.add("a", 1);
        assertThat(exporter.forceFlush()).isTrue();
        assertThat(receiver.received()).hasSize(1);
        var points = receiver.numberPoints("jobs");
        assertThat(points).hasSize(2);
        assertThat(receiver.deltaTotal("jobs")).isEqualTo(14);
        assertThat(exporter.health().pointsDropped()).isZero();
      }
    }
  }

  @Test
  void receiverSlowerThanTheTimeoutIsRetriedAndCountedOnce() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = new OtlpReceiver().then(OtlpReceiver.Reply.slow(1500));
        OtlpExporter exporter = builder(reader, receiver.endpoint())
            .timeout(Duration.ofMillis(300)).start()) {
      reader.add("a", 9);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(1);
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(9);
      assertThat(exporter.health().exportsSucceeded()).isEqualTo(1);
    }
  }

  @Test
  void status400IsNotRetriedAndItsPointsAreCountedAsDropped() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    byte[] status = rpcStatus(3, "bad metric name");
    try (OtlpReceiver receiver = new OtlpReceiver().then(
            new OtlpReceiver.Reply(400, null, "application/x-protobuf", status, 0));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 2);
      reader.add("b", 2);
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(receiver.received()).hasSize(1);
      assertThat(exporter.health().exportsFailed()).isEqualTo(1);
      assertThat(exporter.health().pointsDropped()).isEqualTo(2);
      assertThat(exporter.forceFlush()).isTrue(); // nothing new, nothing held: nothing sent
      assertThat(receiver.received()).hasSize(1);
    }
  }

  /** A google.rpc.Status {code = 1, message = 2}, encoded by hand (no class for it here). */
  static byte[] rpcStatus(int code, String message) {
    byte[] m = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[4 + m.length];
    out[0] = 0x08;
    out[1] = (byte) code;
    out[2] = 0x12;
    out[3] = (byte) m.length;
    System.arraycopy(m, 0, out, 4, m.length);
    return out;
  }

  @Test
  void partialSuccessCountsRejectedPointsAsDropped() throws Exception {
    Jobs reader = new Jobs(Temporality.CUMULATIVE);
    byte[] body = ExportMetricsServiceResponse.newBuilder().setPartialSuccess(
        ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(1)
            .setErrorMessage("too old")).build().toByteArray();
    try (OtlpReceiver receiver = new OtlpReceiver().then(
            new OtlpReceiver.Reply(200, null, "application/x-protobuf", body, 0));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 2);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(exporter.health().pointsDropped()).isEqualTo(1);
    }
  }

  @Test
  void backlogPastItsBoundDropsAndCountsTheExcess() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpExporter exporter = builder(reader, "http://127.0.0.1:" + port + "/v1/metrics")
        .backlogMaxPoints(2).start()) {
      reader.add("a", 1);
      reader.add("b", 1);
      reader.add("c", 1);
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(exporter.health().pointsDropped()).isEqualTo(1);
      try (OtlpReceiver receiver = new OtlpReceiver(port)) {
        assertThat(exporter.forceFlush()).isTrue();
        assertThat(receiver.deltaTotal("jobs")).isEqualTo(2);
      }
    }
  }

  @Test
  void cumulativeExportsAfterAnOutageCarryTheFullTotal() throws Exception {
    Jobs reader = new Jobs(Temporality.CUMULATIVE);
    try (OtlpReceiver receiver = new OtlpReceiver().then(OtlpReceiver.Reply.status(400));
        OtlpExporter exporter = builder(reader, receiver.endpoint()).start()) {
      reader.add("a", 4);
      assertThat(exporter.forceFlush()).isFalse();
      reader.add("a", 6);
      assertThat(exporter.forceFlush()).isTrue();
      assertThat(receiver.lastValue("jobs")).isEqualTo(10);
    }
  }

  @Test
  void deltaPointsStillUndeliveredAtCloseAreCountedAsDropped() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Jobs reader = new Jobs(Temporality.DELTA);
    OtlpExporter exporter = builder(reader, "http://127.0.0.1:" + port + "/v1/metrics").start();
    reader.add("a", 5);
    reader.add("b", 1);
    exporter.close();
    assertThat(exporter.health().exportsFailed()).isEqualTo(1);
    assertThat(exporter.health().pointsDropped()).isEqualTo(2);
  }

  @Test
  void closeCollectsAndExportsOnceMore() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OtlpExporter exporter = builder(reader, receiver.endpoint()).start();
      reader.add("a", 11);
      exporter.close();
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(11);
      exporter.close();
      assertThat(exporter.forceFlush()).isFalse();
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void closeAbandonsABackoffWaitAndDeliversInTheFinalExport() throws Exception {
    Jobs reader = new Jobs(Temporality.DELTA);
    RetryPolicy slow = new RetryPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(20), 1,
        Duration.ofSeconds(60));
    try (OtlpReceiver receiver = new OtlpReceiver().then(OtlpReceiver.Reply.status(503))) {
      OtlpExporter exporter = builder(reader, receiver.endpoint()).retryPolicy(slow)
          .interval(Duration.ofMillis(50)).start();
      reader.add("a", 8);
      while (receiver.received().isEmpty()) {
        Thread.sleep(5);
      }
      exporter.close(); // must not wait 20 s for the periodic export's backoff
      assertThat(receiver.deltaTotal("jobs")).isEqualTo(8);
    }
  }

  @Test
  void aFailingCollectionIsCountedAndTheScheduleKeepsRunning() throws Exception {
    Jobs jobs = new Jobs(Temporality.CUMULATIVE);
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    MetricReader failingOnce = new MetricReader() {
      @Override
      public java.util.List<dev.stria.snapshot.MetricSnapshot> collect() {
        if (calls.incrementAndGet() == 1) {
          throw new IllegalStateException("collection failed");
        }
        return jobs.reader.collect();
      }

      @Override
      public dev.stria.snapshot.TemporalitySelector temporality() {
        return jobs.reader.temporality();
      }

      @Override
      public dev.stria.snapshot.Resource resource() {
        return jobs.reader.resource();
      }

      @Override
      public dev.stria.snapshot.InstrumentationScope scope() {
        return jobs.reader.scope();
      }

      @Override
      public void close() {}
    };
    jobs.add("a", 1);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = new OtlpExporterBuilder(ConfigSource.of(Map.of()))
            .reader(failingOnce).endpoint(receiver.endpoint()).interval(Duration.ofMillis(20))
            .retryPolicy(FAST).start()) {
      while (receiver.received().isEmpty()) {
        Thread.sleep(5);
      }
      assertThat(exporter.health().exportsFailed()).isEqualTo(1);
      assertThat(receiver.lastValue("jobs")).isEqualTo(1);
    }
  }

  @Test
  void periodicExportsRunOnTheirOwn() throws Exception {
    Jobs reader = new Jobs(Temporality.CUMULATIVE);
    reader.add("a", 1);
    try (OtlpReceiver receiver = new OtlpReceiver();
        OtlpExporter exporter = builder(reader, receiver.endpoint())
            .interval(Duration.ofMillis(20)).start()) {
      while (receiver.received().size() < 3) {
        Thread.sleep(5);
      }
      assertThat(receiver.lastValue("jobs")).isEqualTo(1);
    }
  }
}
