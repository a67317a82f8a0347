package dev.stria.examples;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.Timer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A batch job of "data-process" operations, each a millisecond or two of pretend work timed with
 * a try-with-resources timer; about one in twenty fails and is counted as an error. The timer
 * records failed operations too: it closes when the exception leaves the try block.
 *
 * <ul>
 *   <li>histogram {@code data.process.duration} in seconds: one observation per operation
 *       (OTLP; Prometheus: {@code data_process_duration_seconds});
 *   <li>counter {@code data.process.errors}: the failed ones ({@code data_process_errors_total}).
 * </ul>
 */
final class BatchJob {
  static final String DURATION = "data.process.duration";
  static final String ERRORS = "data.process.errors";
  static final double FAILURE_RATIO = 0.05;

  private final Histogram duration;
  private final Counter errors;
  private final SplittableRandom random;

  BatchJob(MeterRegistry registry, SplittableRandom random) {
    this.duration = registry.histogram(DURATION).unit("s")
        .description("Time of one data-process operation, failed ones included")
        .buckets(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1).register();
    this.errors = registry.counter(ERRORS).unit("1")
        .description("Data-process operations that failed").register();
    this.random = random;
  }

  /** What a run did. */
  record Result(int operations, int failures) {}

  /** Runs {@code iterations} operations one after the other. */
  @SuppressWarnings("try")   // the timer is used by closing it
  Result run(int iterations) {
    int failures = 0;
    for (int i = 0; i < iterations; i++) {
      try (Timer timer = duration.startTimer()) {
        process(i);
      } catch (DataProcessingException e) {
        errors.inc();
        failures++;
      }
    }
    return new Result(iterations, failures);
  }

  private void process(int item) {
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(200, 2_000)));
    if (random.nextDouble() < FAILURE_RATIO) {
      throw new DataProcessingException("item " + item + " could not be processed");
    }
  }

  /** The pretend failure of one operation. */
  static final class DataProcessingException extends RuntimeException {
    DataProcessingException(String message) {
      super(message);
    }
  }
}
