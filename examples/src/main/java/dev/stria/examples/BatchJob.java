package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.Operation;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A batch job of "data-process" operations, each a millisecond or two of pretend work recorded as
 * one call of the {@link Operation} {@code data.process}; about one in twenty fails by throwing,
 * and the operation counts it as an error because the call never reaches {@code ok()}.
 *
 * <ul>
 *   <li>counter {@code data.process.calls} by {@code status} ({@code ok} or {@code error}): the
 *       rate and the errors (Prometheus: {@code data_process_calls_total});
 *   <li>histogram {@code data.process.duration} in seconds by {@code status}: one observation per
 *       operation, failed ones included ({@code data_process_duration_seconds});
 *   <li>up-down counter {@code data.process.active}: operations in flight, 0 once the job ends.
 * </ul>
 */
final class BatchJob {
  static final String OPERATION = "data.process";
  static final String CALLS = OPERATION + ".calls";
  static final String DURATION = OPERATION + ".duration";
  static final double FAILURE_RATIO = 0.05;

  private final Operation.Series operation;
  private final SplittableRandom random;

  BatchJob(MeterRegistry registry, SplittableRandom random) {
    this.operation = registry.operation(OPERATION)
        .buckets(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1).register().labels();
    this.random = random;
  }

  /** What a run did. */
  record Result(int operations, int failures) {}

  /** Runs {@code iterations} operations one after the other. */
  Result run(int iterations) {
    int failures = 0;
    for (int i = 0; i < iterations; i++) {
      try (Operation.Call call = operation.start()) {
        process(i);
        call.ok();
      } catch (DataProcessingException e) {
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
