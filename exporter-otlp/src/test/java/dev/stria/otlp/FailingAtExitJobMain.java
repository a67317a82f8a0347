package dev.stria.otlp;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A job for {@link ShutdownHookTest} whose exporter fails unexpectedly in the shutdown hook: its
 * reader's collection waits until the JDK's logging has shut down (its own hook resets it), then
 * throws. Only the exporter's fallback to standard error can then report the failure.
 */
public final class FailingAtExitJobMain {
  static final String FAILURE = "the reader broke at exit";

  private FailingAtExitJobMain() {}

  public static void main(String[] args) {
    Logger.getLogger("").getHandlers(); // the JDK's logging starts, with its reset at exit
    MetricReader real = new MeterRegistry().newReader(Temporality.CUMULATIVE);
    OtlpExporter.builder().reader(new MetricReader() {
      @Override
      public List<MetricSnapshot> collect() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Logger.getLogger("").getHandlers().length > 0 && System.nanoTime() < giveUp) {
          Thread.onSpinWait();
        }
        throw new IllegalStateException(FAILURE);
      }

      @Override
      public TemporalitySelector temporality() {
        return real.temporality();
      }

      @Override
      public Resource resource() {
        return real.resource();
      }

      @Override
      public InstrumentationScope scope() {
        return real.scope();
      }

      @Override
      public void close() {
        real.close();
      }
    }).endpoint(args[0]).closeTimeout(Duration.ofSeconds(8)).interval(Duration.ofHours(1))
        .start(); // the shutdown hook is on by default
  }
}
