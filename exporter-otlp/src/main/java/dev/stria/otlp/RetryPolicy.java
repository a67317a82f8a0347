package dev.stria.otlp;

import java.time.Duration;

/**
 * How an export is retried after a retryable failure (HTTP 429, 502, 503, 504, or a connection
 * failure or timeout): at most {@code maxAttempts} attempts in all, waiting between them an
 * exponentially growing backoff (from {@code initialBackoff}, times {@code multiplier}, capped at
 * {@code maxBackoff}) with jitter (a uniformly random wait between half the backoff and the full
 * backoff), or the server's {@code Retry-After} when it gives one. No attempt starts after {@code
 * maxElapsed} since the first; a wait that would end past it ends the export instead.
 *
 * <pre>{@code
 * RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5,
 *     Duration.ofSeconds(30));   // = RetryPolicy.DEFAULT
 * }</pre>
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    double multiplier, Duration maxElapsed) {

  /** 5 attempts, 1 s backoff growing by 1.5x up to 5 s, 30 s in all. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1),
      Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30));

  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(1),
      Duration.ofMillis(1), 1, Duration.ofSeconds(30));

  /**
   * Checks the policy: at least one attempt, positive durations, a maximum backoff not below the
   * initial one, a finite multiplier of at least 1.
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be at least 1");
    }
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxBackoff", maxBackoff);
    requirePositive("maxElapsed", maxElapsed);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff " + maxBackoff
          + " must not be shorter than initialBackoff " + initialBackoff);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier " + multiplier + " must be finite and >= 1");
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be a positive duration");
    }
  }
}
