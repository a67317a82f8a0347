package dev.stria.jmh.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stria.jmh.StriaSetup;
import dev.stria.jmh.VirtualThreadBenchmark;
import org.junit.jupiter.api.Test;

class VirtualThreadCheckTest {
  private static final String[] LABELS = {"/route/0", "/route/1"};

  private static StriaSetup recorded(int tasks, int skippedIncrements, double extraObservation) {
    StriaSetup stria = new StriaSetup();
    dev.stria.Counter counter = stria.counter("requests");
    dev.stria.Histogram histogram = stria.explicitHistogram("duration");
    for (String label : LABELS) {
      for (int i = 0; i < tasks; i++) {
        histogram.labels(label).observe(VirtualThreadBenchmark.seconds(i));
        if (i >= skippedIncrements) {
          counter.labels(label).inc();
        }
      }
    }
    if (!Double.isNaN(extraObservation)) {
      histogram.labels(LABELS[1]).observe(extraObservation);
    }
    return stria;
  }

  @Test
  void exactTotalsPassTheVerification() {
    StriaSetup stria = recorded(5_000, 0, Double.NaN);

    assertThat(VirtualThreadCheck.verify(stria.reader().collect(), LABELS, 5_000, "test"))
        .isEmpty();
  }

  @Test
  void aMissingIncrementOrAnExtraObservationIsReported() {
    StriaSetup stria = recorded(5_000, 1, 0.5);

    assertThat(VirtualThreadCheck.verify(stria.reader().collect(), LABELS, 5_000, "test"))
        .contains("counter /route/0 = 4999.0, expected 5000")
        .contains("histogram /route/1 count 5001 != 5000");
  }

  @Test
  void aMissingSeriesIsReported() {
    StriaSetup stria = recorded(10, 0, Double.NaN);

    assertThat(VirtualThreadCheck.verify(stria.reader().collect(),
            new String[] {"/route/0", "/route/1", "/route/2"}, 10, "test"))
        .contains("2 counter and 2 histogram series collected, expected 3 of each");
  }

  /** Runs only on a JDK with virtual threads (the build's Java 17 skips it; run on Java 25). */
  @Test
  void virtualThreadsRecordExactTotalsWhileTheReaderCollects() throws InterruptedException {
    assumeTrue(VirtualThreads.available(), VirtualThreads.unavailableReason());

    VirtualThreadCheck.Result result = VirtualThreadCheck.run(20_000, 4, 1);

    assertThat(result.mismatch()).isEmpty();
    assertThat(result.exact()).isTrue();
    assertThat(result.collectionsDuringRun()).isPositive();
    assertThat(result.singleThreadBytesPerSeries()).isPositive();
  }

  @Test
  void withoutVirtualThreadsTheResultSaysSoAndIsNotExact() throws InterruptedException {
    assumeTrue(!VirtualThreads.available(), "this JDK has virtual threads");

    VirtualThreadCheck.Result result = VirtualThreadCheck.run(100, 1, 1);

    assertThat(result.available()).isFalse();
    assertThat(result.exact()).isFalse();
    assertThat(VirtualThreadCheck.toJson(result)).contains("\"available\": false");
  }
}
