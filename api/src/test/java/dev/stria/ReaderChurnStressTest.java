package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Delta readers are created and closed over and over while writers record into many series and
 * another reader collects without pause: each churned reader must get exactly the recordings made
 * between its creation and its last collection, also when it was created in the middle of the
 * other reader's collection (which then drains series on its behalf).
 *
 * <p>The run is a sequence of phases. Between phases the writers stand still: readers are closed
 * (after a last collection) and created then, after one collection has drained everything
 * recorded so far, so the recordings of a reader's phases are known exactly. During a phase the
 * writers record, the background reader collects and the open readers collect now and then.
 */
class ReaderChurnStressTest {
  private static final int WRITERS = 2;
  private static final int INSTRUMENTS = 20;
  private static final int SERIES_PER_INSTRUMENT = 50;
  private static final int MIN_PHASES = 40;

  /** A churned reader and what it should and did receive. */
  private static final class Churned {
    final MetricReader reader;
    long expected;
    double received;

    Churned(MetricReader reader) {
      this.reader = reader;
    }

    void collect() {
      received += total(reader.collect());
    }
  }

  @Test
  void readerCreatedDuringAnotherReadersCollectionGetsEveryLaterRecordingOnce()
      throws Exception {
    MeterRegistry registry = new MeterRegistry();
    List<Counter.Series> series = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      Counter counter = registry.counter("ops." + i).labelNames("k").register();
      for (int k = 0; k < SERIES_PER_INSTRUMENT; k++) {
        series.add(counter.labels("s" + k));
      }
    }
    MetricReader background = registry.newReader(Temporality.DELTA);
    AtomicLong backgroundStarted = new AtomicLong();
    AtomicLong backgroundEnded = new AtomicLong();
    double[] backgroundReceived = {0};
    Phaser phases = new Phaser(WRITERS + 1);
    long[] recordedThisPhase = new long[WRITERS];
    AtomicLongArray writerProgress = new AtomicLongArray(WRITERS);
    AtomicLong overlappingCollections = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    boolean[] stop = {false};
    boolean[] writing = {false};
    Object flags = new Object();

    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int me = w;
      writers.add(new Thread(() -> {
        while (true) {
          phases.arriveAndAwaitAdvance(); // phase start
          if (stopped(flags, stop)) {
            return;
          }
          long count = 0;
          int i = me;
          while (isWriting(flags, writing)) {
            for (int burst = 0; burst < 256; burst++) {
              series.get(i).inc();
              i = (i + 7) % series.size();
            }
            count += 256;
            writerProgress.lazySet(me, count);
          }
          recordedThisPhase[me] = count;
          phases.arriveAndAwaitAdvance(); // phase end
        }
      }));
    }
    Thread collector = new Thread(() -> {
      try {
        while (!stopped(flags, stop)) {
          long before = progress(writerProgress);
          backgroundStarted.incrementAndGet();
          backgroundReceived[0] += total(background.collect());
          backgroundEnded.incrementAndGet();
          if (progress(writerProgress) != before) {
            overlappingCollections.incrementAndGet();
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    writers.forEach(Thread::start);
    collector.start();

    MetricReader drain = registry.newReader(Temporality.CUMULATIVE);
    List<Churned> open = new ArrayList<>();
    List<Churned> closed = new ArrayList<>();
    long createdDuringBackgroundCollection = 0;
    long recordedInAll = 0;
    long deadline = System.nanoTime() + StressSettings.nanos(2);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int phasesRun = 0;
    while (System.nanoTime() < deadline || phasesRun < MIN_PHASES) {
      phasesRun++;
      // Writers stand still. Close some readers after a last collection.
      for (int i = open.size() - 1; i >= 0; i--) {
        if (random.nextInt(3) == 0) {
          Churned done = open.remove(i);
          done.collect();
          done.reader.close();
          closed.add(done);
        }
      }
      // Drain what earlier phases recorded, so a new reader's first delta holds only its own.
      drain.collect();
      for (int n = random.nextInt(3); n >= 0; n--) {
        long startedBefore = backgroundStarted.get();
        long endedBefore = backgroundEnded.get();
        Churned created = new Churned(registry.newReader(Temporality.DELTA));
        if (startedBefore > endedBefore && backgroundEnded.get() == endedBefore) {
          createdDuringBackgroundCollection++;
        }
        open.add(created);
      }
      // A phase: writers record while readers collect.
      setWriting(flags, writing, true);
      phases.arriveAndAwaitAdvance();
      for (int round = 0; round < 3; round++) {
        for (Churned reader : open) {
          reader.collect();
        }
      }
      setWriting(flags, writing, false);
      phases.arriveAndAwaitAdvance();
      long phaseTotal = 0;
      for (long count : recordedThisPhase) {
        phaseTotal += count;
      }
      recordedInAll += phaseTotal;
      for (Churned reader : open) {
        reader.expected += phaseTotal;
      }
    }
    synchronized (flags) {
      stop[0] = true;
    }
    phases.arriveAndDeregister();
    for (Thread writer : writers) {
      writer.join();
    }
    collector.join();
    if (failure.get() != null) {
      throw new AssertionError("the background collector failed", failure.get());
    }
    for (Churned reader : open) {
      reader.collect();
      closed.add(reader);
    }
    backgroundReceived[0] += total(background.collect());

    assertThat(closed).hasSizeGreaterThanOrEqualTo(MIN_PHASES);
    for (Churned reader : closed) {
      assertThat(reader.received).as("what a churned reader received")
          .isEqualTo((double) reader.expected);
    }
    assertThat(backgroundReceived[0]).isEqualTo((double) recordedInAll);
    assertThat(overlappingCollections.get()).as("background collections during writes")
        .isPositive();
    assertThat(createdDuringBackgroundCollection)
        .as("readers created while the background reader was collecting").isPositive();
  }

  private static double total(List<MetricSnapshot> batch) {
    double sum = 0;
    for (MetricSnapshot metric : batch) {
      for (PointSnapshot point : metric.points()) {
        sum += ((CounterPoint) point).value();
      }
    }
    return sum;
  }

  private static long progress(AtomicLongArray writerProgress) {
    long sum = 0;
    for (int i = 0; i < writerProgress.length(); i++) {
      sum += writerProgress.get(i);
    }
    return sum;
  }

  private static boolean stopped(Object flags, boolean[] stop) {
    synchronized (flags) {
      return stop[0];
    }
  }

  private static boolean isWriting(Object flags, boolean[] writing) {
    synchronized (flags) {
      return writing[0];
    }
  }

  private static void setWriting(Object flags, boolean[] writing, boolean value) {
    synchronized (flags) {
      writing[0] = value;
    }
  }
}
