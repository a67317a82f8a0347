package dev.stria.jmh.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How long a run of the suite will take, from the benchmark list in the jar: for every benchmark
 * and parameter combination a JMH run would select, its forks times (JVM start and setup, plus
 * warmup and measurement iterations at the times annotated on its class, or 1 s each for {@code
 * --quick}). Printed by {@code run-benchmarks.sh} before it starts.
 *
 * <p>Usage: {@code SuiteEstimate [--quick] [--other-seconds N] --run INCLUDE EXCLUDE ...}, one
 * {@code --run} per JMH invocation ({@code EXCLUDE} empty for none).
 */
public final class SuiteEstimate {
  /** JVM start, setup and teardown per fork, as measured on a busy 2-core machine. */
  static final double FORK_SECONDS = 2.5;
  /** Harness overhead per iteration (the GC profiler's bookkeeping, iteration sync). */
  static final double ITERATION_OVERHEAD_SECONDS = 0.1;
  /**
   * What one single-shot iteration (a batch of virtual-thread tasks) takes with its harness
   * overhead: batches took 19-60 ms on Java 25 on a 2-core machine (2026-11-30), and 5 libraries
   * of 5 forks of 80 batches ran in 116 s.
   */
  static final double SINGLE_SHOT_SECONDS = 0.05;

  /** One benchmark's settings, as annotated (or defaulted by {@code --quick}). */
  record Plan(int forks, int warmups, double warmupSeconds, int measurements,
      double measurementSeconds, boolean singleShot, int paramCombinations) {

    double seconds() {
      double iteration = singleShot ? SINGLE_SHOT_SECONDS : 0;
      return paramCombinations * forks * (FORK_SECONDS
          + warmups * (singleShot ? iteration : warmupSeconds + ITERATION_OVERHEAD_SECONDS)
          + measurements
              * (singleShot ? iteration : measurementSeconds + ITERATION_OVERHEAD_SECONDS));
    }
  }

  private SuiteEstimate() {}

  public static void main(String[] args) {
    boolean quick = false;
    double otherSeconds = 0;
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--other-seconds":
          otherSeconds = Double.parseDouble(args[++i]);
          break;
        case "--run":
          plans.addAll(plans(args[++i], args[++i], quick));
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    double seconds = total(plans) + otherSeconds;
    System.out.printf("Estimated wall time: %d min (%d benchmark runs)%n",
        Math.round(seconds / 60), plans.stream().mapToInt(Plan::paramCombinations).sum());
  }

  static double total(List<Plan> plans) {
    return plans.stream().mapToDouble(Plan::seconds).sum();
  }

  private static List<Plan> plans(String include, String exclude, boolean quick) {
    List<Plan> plans = new ArrayList<>();
    for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
        List.of(include), exclude.isEmpty() ? List.of() : List.of(exclude))) {
      boolean singleShot = entry.getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime;
      int combinations = 1;
      if (entry.getParams().hasValue()) {
        for (String[] values : entry.getParams().get().values()) {
          combinations *= values.length;
        }
      }
      plans.add(quick
          ? new Plan(1, 1, 1, 1, 1, singleShot, combinations)
          : new Plan(entry.getForks().orElse(5), entry.getWarmupIterations().orElse(5),
              seconds(entry.getWarmupTime().orElse(TimeValue.seconds(10))),
              entry.getMeasurementIterations().orElse(5),
              seconds(entry.getMeasurementTime().orElse(TimeValue.seconds(10))),
              singleShot, combinations));
    }
    return plans;
  }

  private static double seconds(TimeValue time) {
    return time.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
  }
}
