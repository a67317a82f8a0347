package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripedCounterTest {

  @Test
  void drainReturnsLongAndDoubleAddsAndLeavesZero() {
    StripedCounter counter = new StripedCounter();
    counter.add(3L);
    counter.add(4L);
    counter.add(0.5);

    SumDelta delta = counter.drain();

    assertThat(delta.longPart()).isEqualTo(7);
    assertThat(delta.doublePart()).isEqualTo(0.5);
    assertThat(delta.value()).isEqualTo(7.5);
    assertThat(counter.drain().isZero()).isTrue();
  }

  @Test
  void negativeAddsAreKeptForUpDownCounters() {
    StripedCounter counter = new StripedCounter();
    counter.add(10L);
    counter.add(-12L);
    assertThat(counter.drain().value()).isEqualTo(-2.0);
  }

  @Test
  void oneThreadAllocatesOneStripe() {
    StripedCounter counter = new StripedCounter();
    for (int i = 0; i < 1000; i++) {
      counter.add(1L);
    }
    assertThat(counter.stripesInUse()).isEqualTo(1);
  }

  @Test
  void moreThreadsThanStripesShareAStripeAndStillCountExactly() throws Exception {
    // More writers than stripe slots: by pigeonhole some threads find their slot owned by
    // another thread and record into the shared stripe with atomic adds.
    StripedCounter counter = new StripedCounter();
    int threads = 3 * ThreadStripe.tableSlots();
    int perThread = 100_000;
    long[] drained = new long[1];
    double[] drainedDoubles = new double[1];
    int overlapping = StressRun.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            if (i == perThread / 2) {
              StressRun.midpoint();
            }
            counter.add(1L);
            counter.add(0.5);
          }
        },
        () -> {
          SumDelta delta = counter.drain();
          drained[0] += delta.longPart();
          drainedDoubles[0] += delta.doublePart();
        });
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    SumDelta last = counter.drain();
    assertThat(drained[0] + last.longPart()).isEqualTo((long) threads * perThread);
    assertThat(drainedDoubles[0] + last.doublePart()).isEqualTo(threads * perThread * 0.5);
    // Every writer has ended: their owned stripes are retired, only shared stripes are left
    // (the table's padded ones and the spill).
    assertThat(counter.paddedStripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots());
    assertThat(counter.stripesInUse()).isLessThanOrEqualTo(ThreadStripe.tableSlots() + 1);
  }

  @Test
  void concurrentDrainsSeeEveryIncrementExactlyOnce() throws Exception {
    StripedCounter counter = new StripedCounter();
    int threads = 4;
    int perThread = 500_000;
    long[] drained = new long[1];
    int overlapping = StressRun.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            if (i == perThread / 2) {
              StressRun.midpoint();
            }
            counter.add((long) (t + 1));
          }
        },
        () -> drained[0] += counter.drain().longPart());
    assertThat(overlapping).as("drains that overlapped the writes").isPositive();
    drained[0] += counter.drain().longPart();

    long expected = (long) perThread * (1 + 2 + 3 + 4);
    assertThat(drained[0]).isEqualTo(expected);
  }

  @Test
  void stripesOfEndedThreadsAreRetiredAfterTheirLastDrain() throws Exception {
    StripedCounter counter = new StripedCounter();
    long drained = 0;
    // Thread pools replace their threads: each ended thread's stripe is drained once more and
    // then freed for a new owner, so later threads do not pile onto the shared stripe.
    for (int round = 0; round < 50; round++) {
      Thread worker = new Thread(() -> {
        for (int i = 0; i < 1000; i++) {
          counter.add(1L);
        }
      });
      worker.start();
      worker.join();
      drained += counter.drain().longPart();
      assertThat(counter.stripesInUse()).isZero();
    }
    assertThat(drained).isEqualTo(50_000);
  }
}
