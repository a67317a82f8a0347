package dev.stria.jmh.report;

import dev.stria.jmh.memory.SeriesMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@code dev.stria.jmh.VirtualThreadPairs} measured: for each JVM, round by round, the time
 * of one virtual-thread batch per side, named as the {@code VirtualThreadBenchmark} methods are.
 */
record VirtualThreadPairsResult(boolean available, List<Map<String, Double>> rounds, int jvms) {
  /** Resamples for the interval: enough that its ends move by less than the printed digits. */
  private static final int RESAMPLES = 10_000;
  /** Fixed, so that one file always gives the same report. */
  private static final long SEED = 15;

  /**
   * Stria's batch time over one peer's: the median of the ratios of their batches in the same
   * round, and a 99% bootstrap interval of it (rounds resampled with replacement). The median,
   * because single batches have heavy tails (a round's ratio fell outside 0.67-1.46 in one round
   * of ten, Java 25, 600 rounds), and its interval came out half as wide as the mean's.
   */
  record Comparison(String peer, double ratio, double low, double high) {}

  static VirtualThreadPairsResult parse(String json) {
    Map<String, Object> object = Json.object(Json.parse(json));
    if (!Boolean.TRUE.equals(object.get("available"))) {
      return new VirtualThreadPairsResult(false, List.of(), 0);
    }
    List<Map<String, Double>> rounds = new ArrayList<>();
    List<Object> jvms = Json.array(object.get("jvms"));
    for (Object jvm : jvms) {
      for (Object round : Json.array(jvm)) {
        Map<String, Double> times = new LinkedHashMap<>();
        Json.object(round).forEach((side, nanos) -> times.put(side, Json.number(nanos)));
        rounds.add(times);
      }
    }
    return new VirtualThreadPairsResult(true, rounds, jvms.size());
  }

  /** Stria against every side that {@link Library} counts as a peer, in the file's order. */
  List<Comparison> striaAgainstPeers() {
    List<Comparison> comparisons = new ArrayList<>();
    if (rounds.isEmpty()) {
      return comparisons;
    }
    for (String side : rounds.get(0).keySet()) {
      if (Library.of(side).isPeer()) {
        comparisons.add(compare("stria", side));
      }
    }
    return comparisons;
  }

  private Comparison compare(String side, String peer) {
    double[] logRatios = new double[rounds.size()];
    for (int i = 0; i < logRatios.length; i++) {
      logRatios[i] = Math.log(rounds.get(i).get(side) / rounds.get(i).get(peer));
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] medians = new double[RESAMPLES];
    double[] resample = new double[logRatios.length];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < resample.length; i++) {
        resample[i] = logRatios[random.nextInt(logRatios.length)];
      }
      medians[r] = SeriesMemory.median(resample);
    }
    Arrays.sort(medians);
    return new Comparison(peer, Math.exp(SeriesMemory.median(logRatios)),
        Math.exp(medians[(int) (RESAMPLES * 0.005)]),
        Math.exp(medians[(int) (RESAMPLES * 0.995) - 1]));
  }

  /** The median batch time of one side, in milliseconds. */
  double medianMillis(String side) {
    double[] nanos = rounds.stream().mapToDouble(round -> round.get(side)).toArray();
    return SeriesMemory.median(nanos) / 1e6;
  }
}
