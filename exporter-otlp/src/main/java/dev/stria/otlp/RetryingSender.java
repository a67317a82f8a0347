package dev.stria.otlp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Sends one encoded request with the retry rules of the OTLP specification: 429, 502, 503, 504
 * and connection failures or timeouts are retried under a {@link RetryPolicy} (exponential
 * backoff with jitter, or the server's {@code Retry-After}); every other status is final.
 *
 * <p>Delivery is at least once: a request that timed out may still have reached the receiver,
 * and OTLP has no way to deduplicate it.
 *
 * <p>Waiting between attempts can be cut short: {@link #wakeUp()} (called by {@code close()})
 * wakes every waiting export whose {@code abandon} condition now holds, so an export stuck in
 * backoff hands its data to the final flush instead of delaying it. A request already on the wire
 * is never interrupted (it is bounded by the request timeout): interrupting it could lose the
 * answer to a request the receiver accepted, and resending it would count it twice.
 */
final class RetryingSender {
  enum Outcome {
    /** The receiver accepted the request (perhaps partially: see {@code partial}). */
    DELIVERED,
    /** The receiver refused it for good (a non-retryable status): retrying cannot help. */
    REJECTED,
    /** Retries were exhausted or the deadline came: the data may be sent again later. */
    FAILED
  }

  record Result(Outcome outcome, int attempts, OtlpResponses.PartialSuccess partial) {}

  /** One POST; {@link HttpExportTransport} in production, fakes in tests. */
  @FunctionalInterface
  interface Transport {
    HttpExportTransport.Response post(byte[] body, int offset, int length, Duration timeout)
        throws IOException, InterruptedException;
  }

  private static final System.Logger LOG = System.getLogger("dev.stria.otlp");

  private final Transport transport;
  private final RetryPolicy policy;
  private final Duration requestTimeout;
  private final Duration connectTimeout;
  private final String endpoint;
  private final ExporterLog log;
  private final Object wakeups = new Object();

  RetryingSender(Transport transport, RetryPolicy policy, Duration requestTimeout,
      Duration connectTimeout, String endpoint, ExporterLog log) {
    this.transport = transport;
    this.policy = policy;
    this.requestTimeout = requestTimeout;
    this.connectTimeout = connectTimeout;
    this.endpoint = endpoint;
    this.log = log;
  }

  static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * Sends until delivered, refused, out of attempts, past {@code deadlineNanos} (a {@link
   * System#nanoTime} value) or abandoned.
   */
  Result send(byte[] body, int offset, int length, long deadlineNanos, BooleanSupplier abandon) {
    long started = System.nanoTime();
    long deadline = Math.min(deadlineNanos, started + policy.maxElapsed().toNanos());
    long backoff = policy.initialBackoff().toNanos();
    String lastFailure = null;
    for (int attempt = 1; ; attempt++) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return new Result(Outcome.FAILED, attempt - 1, null);
      }
      long waitNanos;
      Duration timeout = requestTimeout;
      try {
        timeout = Duration.ofNanos(Math.min(requestTimeout.toNanos(), remaining));
        HttpExportTransport.Response r = transport.post(body, offset, length, timeout);
        int status = r.status();
        if (status >= 200 && status < 300) {
          return new Result(Outcome.DELIVERED, attempt, OtlpResponses.partialSuccess(r));
        }
        if (!isRetryable(status)) {
          log.warn("http " + status, "OTLP export to " + endpoint + " refused with HTTP " + status
              + " (not retried, " + (length) + " bytes dropped): " + OtlpResponses.errorMessage(r));
          return new Result(Outcome.REJECTED, attempt, null);
        }
        long retryAfter = retryAfterNanos(r.retryAfter());
        waitNanos = retryAfter >= 0 ? retryAfter : jitter(backoff);
        LOG.log(Level.DEBUG, () -> "OTLP export attempt got HTTP " + status + ", retrying");
        lastFailure = "HTTP " + status + ": " + OtlpResponses.errorMessage(r);
        if (attempt >= policy.maxAttempts()) {
          log.warn("retryable", "OTLP export to " + endpoint + " failed after "
              + attempts(attempt) + ", last with " + lastFailure);
          return new Result(Outcome.FAILED, attempt, null);
        }
      } catch (IOException e) {
        SendFailure failure = SendFailure.of(e, endpoint, timeout, connectTimeout);
        lastFailure = failure.message();
        if (attempt >= policy.maxAttempts()) {
          log.warn(failure.kind(), "OTLP export to " + endpoint + " failed after "
              + attempts(attempt) + ": " + lastFailure);
          return new Result(Outcome.FAILED, attempt, null);
        }
        waitNanos = jitter(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(Outcome.FAILED, attempt, null);
      }
      if (System.nanoTime() + waitNanos >= deadline) {
        log.warn("deadline", "OTLP export to " + endpoint + " failed after " + attempts(attempt)
            + ": " + lastFailure + " (no time left to retry within the export's time limit)");
        return new Result(Outcome.FAILED, attempt, null);
      }
      if (!sleep(waitNanos, abandon)) {
        return new Result(Outcome.FAILED, attempt, null);
      }
      backoff = Math.min((long) (backoff * policy.multiplier()), policy.maxBackoff().toNanos());
    }
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }

  /** Wakes exports waiting between attempts so they re-check their {@code abandon} condition. */
  void wakeUp() {
    synchronized (wakeups) {
      wakeups.notifyAll();
    }
  }

  /** False when abandoned or interrupted. */
  private boolean sleep(long nanos, BooleanSupplier abandon) {
    long end = System.nanoTime() + nanos;
    synchronized (wakeups) {
      while (!abandon.getAsBoolean()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          wakeups.wait(Math.max(1, left / 1_000_000), 0);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }
  }

  /** A uniformly random wait in [backoff/2, backoff]. */
  static long jitter(long backoffNanos) {
    long half = backoffNanos / 2;
    return half + ThreadLocalRandom.current().nextLong(backoffNanos - half + 1);
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; -1 when absent or unreadable. */
  static long retryAfterNanos(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String v = header.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? -1 : Duration.ofSeconds(seconds).toNanos();
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        long millis = at.toInstant().toEpochMilli() - System.currentTimeMillis();
        return Math.max(0, millis) * 1_000_000;
      } catch (RuntimeException notADate) {
        return -1;
      }
    }
  }
}
