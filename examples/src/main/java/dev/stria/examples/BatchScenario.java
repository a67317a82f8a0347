package dev.stria.examples;

import dev.stria.MeterRegistry;
import dev.stria.Registration;
import dev.stria.jvm.JvmMetrics;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * The {@code batch} mode: a job that cannot be scraped, so it pushes. Runs the {@link BatchJob}
 * with the JVM metrics of {@link JvmMetrics} beside it, then flushes and closes the push exporter
 * before returning, so the last operation reaches the receiver even though the JVM exits right
 * after.
 */
final class BatchScenario {
  private BatchScenario() {}

  /**
   * Runs {@code iterations} operations, pushing to {@code target}; returns the exit code (0: the
   * job ran; a failed push is reported on {@code err} but does not fail the job).
   */
  static int run(int iterations, PushTarget target, Settings settings, PrintStream out,
      PrintStream err) {
    MeterRegistry registry = DemoRegistry.create(settings);
    BatchJob job = new BatchJob(registry, new SplittableRandom());
    Registration jvm = JvmMetrics.register(registry);
    Push push = Push.start(target, registry, settings, out);
    boolean delivered;
    try {
      out.println("batch: " + iterations + " data-process operations, metrics to "
          + push.description());
      BatchJob.Result result = job.run(iterations);
      out.println("batch: " + result.operations() + " operations, " + result.failures()
          + " failed");
    } finally {
      delivered = push.finish();   // the exporter's last collection and export
      jvm.close();
    }
    if (!delivered) {
      err.println("batch: the last export to " + push.description()
          + " failed (see the log above)");
    }
    return Main.OK;
  }
}
