package dev.stria.core;

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
  void peekDoesNotReset() {
    StripedCounter counter = new StripedCounter();
    counter.add(5L);
    assertThat(counter.peek()).isEqualTo(5.0);
    assertThat(counter.drain().longPart()).isEqualTo(5);
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
  void concurrentDrainsSeeEveryIncrementExactlyOnce() throws Exception {
    StripedCounter counter = new StripedCounter();
    int threads = 4;
    int perThread = 500_000;
    long[] drained = new long[1];
    StressRun.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            counter.add((long) (t + 1));
          }
        },
        () -> drained[0] += counter.drain().longPart());
    drained[0] += counter.drain().longPart();

    long expected = (long) perThread * (1 + 2 + 3 + 4);
    assertThat(drained[0]).isEqualTo(expected);
  }
}
