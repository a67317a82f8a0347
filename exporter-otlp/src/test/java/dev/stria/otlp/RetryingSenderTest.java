package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingSenderTest {
  static final ExporterLog LOG = new ExporterLog(System.getLogger("test"), 1);

  static RetryingSender sender(RetryingSender.Transport t, int attempts) {
    return new RetryingSender(t, new RetryPolicy(attempts, Duration.ofMillis(1),
        Duration.ofMillis(2), 2, Duration.ofSeconds(5)), Duration.ofSeconds(1),
        Duration.ofSeconds(1), "test", LOG);
  }

  static HttpExportTransport.Response status(int s) {
    return new HttpExportTransport.Response(s, null, "", new byte[0]);
  }

  @Test
  void onlyTheSpecificationsStatusesAreRetryable() {
    assertThat(RetryingSender.isRetryable(429)).isTrue();
    assertThat(RetryingSender.isRetryable(502)).isTrue();
    assertThat(RetryingSender.isRetryable(503)).isTrue();
    assertThat(RetryingSender.isRetryable(504)).isTrue();
    assertThat(RetryingSender.isRetryable(400)).isFalse();
    assertThat(RetryingSender.isRetryable(401)).isFalse();
    assertThat(RetryingSender.isRetryable(500)).isFalse();
  }

  @Test
  void attemptsAreBoundedByThePolicy() {
    AtomicInteger calls = new AtomicInteger();
    var result = sender((b, o, l, t) -> {
      calls.incrementAndGet();
      throw new ConnectException("refused");
    }, 3).send(new byte[1], 0, 1, Long.MAX_VALUE, () -> false);
    assertThat(result.outcome()).isEqualTo(RetryingSender.Outcome.FAILED);
    assertThat(calls).hasValue(3);
  }

  @Test
  void nonRetryableStatusIsTriedOnce() {
    AtomicInteger calls = new AtomicInteger();
    var result = sender((b, o, l, t) -> {
      calls.incrementAndGet();
      return status(413);
    }, 5).send(new byte[1], 0, 1, Long.MAX_VALUE, () -> false);
    assertThat(result.outcome()).isEqualTo(RetryingSender.Outcome.REJECTED);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retryAfterIsReadAsSecondsOrHttpDate() {
    assertThat(RetryingSender.retryAfterNanos("2")).isEqualTo(2_000_000_000L);
    assertThat(RetryingSender.retryAfterNanos("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    assertThat(RetryingSender.retryAfterNanos("soon")).isEqualTo(-1);
    assertThat(RetryingSender.retryAfterNanos(null)).isEqualTo(-1);
  }

  @Test
  void jitterStaysBetweenHalfAndAllOfTheBackoff() {
    for (int i = 0; i < 1000; i++) {
      assertThat(RetryingSender.jitter(1000)).isBetween(500L, 1000L);
    }
  }

  @Test
  void errorMessagesAreReadFromJsonAndProtobufStatus() {
    assertThat(OtlpResponses.errorMessage(new HttpExportTransport.Response(400, null,
        "application/json", "{\"code\":3,\"message\":\"bad \\\"name\\\"\"}".getBytes())))
        .isEqualTo("bad \\\"name\\\"");
    assertThat(OtlpResponses.errorMessage(new HttpExportTransport.Response(400, null,
        "application/x-protobuf", ExporterFaultsTest.rpcStatus(3, "too big"))))
        .isEqualTo("too big");
    assertThat(OtlpResponses.errorMessage(new HttpExportTransport.Response(404, null,
        "text/plain", "not here".getBytes()))).isEqualTo("not here");
  }

  @Test
  void partialSuccessIsReadFromJson() {
    var partial = OtlpResponses.partialSuccess(new HttpExportTransport.Response(200, null,
        "application/json",
        "{\"partialSuccess\":{\"rejectedDataPoints\":\"4\",\"errorMessage\":\"dup\"}}".getBytes()));
    assertThat(partial).isEqualTo(new OtlpResponses.PartialSuccess(4, "dup"));
    assertThat(OtlpResponses.partialSuccess(new HttpExportTransport.Response(200, null,
        "application/json", "{}".getBytes()))).isNull();
  }
}
