package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentCpuUtilizationTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void firstReadingCoversTheJvmsLifeAndLaterOnesTheTimeSinceTheWindowStarted() {
    RecentCpuUtilization recent = new RecentCpuUtilization(0);
    // 10 s of life, 5 CPU seconds, 2 processors: a quarter of what they could do
    assertThat(recent.read(10 * SECOND, 5 * SECOND, 2)).isEqualTo(0.25);
    // 2 s later, 3 more CPU seconds on 2 processors
    assertThat(recent.read(12 * SECOND, 8 * SECOND, 2)).isEqualTo(0.75);
  }

  @Test
  void aReadingWithinASecondOfTheLastRepeatsItsValue() {
    RecentCpuUtilization recent = new RecentCpuUtilization(0);
    assertThat(recent.read(10 * SECOND, 5 * SECOND, 2)).isEqualTo(0.25);
    // a second reader 1 ms later: dividing by 1 ms would give noise, so the last value stands
    assertThat(recent.read(10 * SECOND + 1_000_000, 5 * SECOND + 2_000_000, 2)).isEqualTo(0.25);
    // the window still starts at 10 s: 2 s later, 1 CPU second more
    assertThat(recent.read(12 * SECOND, 6 * SECOND, 2)).isEqualTo(0.25);
  }

  @Test
  void staysWithinZeroAndOneAndIsUnknownWithoutCpuTime() {
    RecentCpuUtilization recent = new RecentCpuUtilization(0);
    assertThat(recent.read(SECOND, 3 * SECOND, 1)).isEqualTo(1.0); // clock granularity
    assertThat(recent.read(3 * SECOND, 2 * SECOND, 1)).isEqualTo(0.0); // never below 0
    assertThat(recent.read(5 * SECOND, -1, 1)).isNegative();
  }
}
