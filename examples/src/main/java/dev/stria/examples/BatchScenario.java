package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.Registration;
import dev.stria.jvm.JvmMetrics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The {@code batch} mode: a job that cannot be scraped, so it pushes. Runs the {@link BatchJob}
 * with the JVM metrics of {@link JvmMetrics} beside it, then flushes and closes the push exporters
 * ({@link DemoExporters}' choice of OTLP and console, and the Pushgateway when asked) before
 * returning, so the last operation reaches the receiver even though the JVM exits right
 * after.
 */
final class BatchScenario {
  private BatchScenario() {}

  /**
   * Runs {@code iterations} operations, pushing to the {@code exporters} and, when {@code
   * pushgateway} is not null and the SDK is not disabled, to the Pushgateway at that address;
   * returns the exit code (0: the job ran; a failed push is reported on {@code err} but does not
   * fail the job).
   */
  static int run(int iterations, DemoExporters exporters, String pushgateway, Settings settings,
      PrintStream out, PrintStream err) {
    MeterRegistry registry = DemoRegistry.create();
    BatchJob job = new BatchJob(registry, new SplittableRandom());
    List<Push> pushes = Push.startAll(exporters, registry, settings, out);
    try {
      if (pushgateway != null && !exporters.disabled()) {
        pushes.add(Push.pushgateway(pushgateway, registry));
      }
    } catch (RuntimeException e) {
      pushes.forEach(Push::close);
      throw e;
    }
    Registration jvm = JvmMetrics.register(registry);
    String destinations = pushes.stream().map(Push::description)
        .collect(Collectors.joining(" and "));
    List<Push> undelivered = new ArrayList<>();
    try {
      out.println("batch: " + iterations + " data-process operations, metrics to "
          + destinations);
      BatchJob.Result result = job.run(iterations);
      out.println("batch: " + result.operations() + " operations, " + result.failures()
          + " failed");
    } finally {
      for (Push push : pushes) {
        if (!push.finish()) {   // the exporter's last collection and export
          undelivered.add(push);
        }
      }
      jvm.close();
    }
    for (Push push : undelivered) {
      err.println("batch: the last export to " + push.description()
          + " failed (see the log above)");
    }
    return Main.OK;
  }
}
