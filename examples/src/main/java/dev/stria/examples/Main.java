package dev.stria.examples;

import dev.stria.examples.CommandLine.UsageException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Stria demo: {@code java -jar examples/target/stria-examples.jar [service|batch|both|otel]}.
 *
 * <ul>
 *   <li>{@code service [--host H] [--port P]} (the default): a simulated web service served for
 *       Prometheus at {@code http://127.0.0.1:9464/metrics} until stopped (Ctrl-C).
 *   <li>{@code batch [--iterations N] [--pushgateway URL]}: 300 data-process operations by
 *       default, pushed with OTLP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, otherwise
 *       printed by the console exporter, and also pushed to the Pushgateway at URL when given;
 *       flushes before it exits.
 *   <li>{@code both [--host H] [--port P]}: the service, served and pushed at once.
 *   <li>{@code otel [--host H] [--port P]}: a checkout service instrumented with the
 *       OpenTelemetry API only ({@link CheckoutService}), recorded by Stria, served and pushed as
 *       in {@code both}.
 * </ul>
 *
 * <p>{@code OTEL_METRICS_EXPORTER} and {@code OTEL_SDK_DISABLED} change those exporters in every
 * mode, as {@link DemoExporters} says.
 *
 * <p>Exit codes: 0 done, 1 the endpoint could not be bound, 2 bad arguments or a malformed {@code
 * OTEL_*} setting.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, Settings.system(), new ShutdownSignal(), System.out, System.err));
  }

  /**
   * Runs the demo and returns its exit code; never exits the JVM. The serving modes run until
   * {@code stop} returns.
   */
  static int run(String[] args, Settings settings, Stop stop, PrintStream out, PrintStream err) {
    CommandLine command;
    try {
      command = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(CommandLine.USAGE);
      return USAGE;
    }
    if (command.help()) {
      out.print(CommandLine.USAGE);
      return OK;
    }
    try {
      DemoExporters exporters = DemoExporters.choose(command.mode(), settings, err);
      return switch (command.mode()) {
        case SERVICE, BOTH -> serve(ExportedService.start(command.host(), command.port(),
            exporters, settings, out), stop, out);
        case OTEL -> serve(OpenTelemetryScenario.start(command.host(), command.port(),
            exporters, settings, out), stop, out);
        case BATCH -> BatchScenario.run(command.iterations(), exporters, command.pushgateway(),
            settings, out, err);
      };
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (IllegalArgumentException e) {
      err.println("configuration error: " + e.getMessage());
      return USAGE;
    }
  }

  private static int serve(RunningScenario running, Stop stop, PrintStream out) {
    try (running) {
      out.println(running.banner());
      out.println("Stop with Ctrl-C.");
      out.flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stop.stopped();
    }
    return OK;
  }

  /** Blocks until the serving modes should stop; told when they have stopped. */
  interface Stop {
    void await() throws InterruptedException;

    /** Called once the scenario is closed (its last push done). */
    default void stopped() {}
  }

  /**
   * Waits for the JVM to be asked to stop (Ctrl-C, SIGTERM). Its shutdown hook lets the main
   * thread close the scenario — a last push included — and waits for that before the JVM halts.
   */
  static final class ShutdownSignal implements Stop {
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void await() throws InterruptedException {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopRequested.countDown();
        try {
          stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stria-demo-shutdown"));
      stopRequested.await();
    }

    @Override
    public void stopped() {
      stopped.countDown();
    }
  }
}
