package dev.stria.jmh.virtual;

import dev.stria.jmh.StriaSetup;
import dev.stria.jmh.VirtualThreadBenchmark;
import dev.stria.jmh.memory.SeriesMemory;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The virtual-thread target's exactness and memory sides, which JMH does not measure: for each of
 * {@code series} labelled pairs (a counter series and an explicit histogram series), {@code
 * tasks} tasks on new virtual threads each record one observation and one increment into the pair
 * while a reader collects every {@value VirtualThreadBenchmark#COLLECT_EVERY_MILLIS} ms. After the
 * run and one more collection it checks every total exactly (count, sum, each bucket, counter
 * value) and measures the heap the registry retains after a full GC (what is freed when it is
 * dropped, less what an empty registry frees), beside the same pairs given the
 * same records by one platform thread. The ratio of the two is the memory the stripes of many
 * writers hold, relative to a single-thread series. Which stripes a run touches depends on how
 * the scheduler spreads the tasks, so trials differ widely: the median and the largest trial are
 * both written, and the target is judged on the largest ("stays under").
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -XX:-UseTLAB -cp benchmarks.jar
 * dev.stria.jmh.virtual.VirtualThreadCheck out.json [tasks] [series] [trials]} (defaults 100000,
 * 32, 5). On a JDK without virtual threads it writes {@code "available": false} and exits 0.
 */
public final class VirtualThreadCheck {
  /** The outcome: exactness of every trial, and the median retained bytes per pair. */
  public record Result(
      String jdk,
      boolean available,
      int tasks,
      int series,
      long collectionsDuringRun,
      String mismatch,
      double singleThreadBytesPerSeries,
      double virtualThreadBytesPerSeries,
      double maxVirtualThreadBytesPerSeries) {

    /** Whether every total matched in every trial. */
    public boolean exact() {
      return available && mismatch.isEmpty();
    }
  }

  private record Trial(double bytesPerSeries, long collections, String mismatch) {}

  private VirtualThreadCheck() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args.length > 0 ? args[0] : "jmh/target/virtual-threads.json");
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : VirtualThreadBenchmark.TASKS;
    int series = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    int trials = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Result result = run(tasks, series, trials);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, toJson(result), StandardCharsets.UTF_8);
    System.out.print(toJson(result));
    System.out.println("Virtual-thread check written to " + out);
  }

  /** Runs the check; without virtual threads, a result that says so. */
  public static Result run(int tasks, int series, int trials) throws InterruptedException {
    String jdk = System.getProperty("java.version");
    if (!VirtualThreads.available()) {
      return new Result(jdk, false, tasks, series, 0, "", Double.NaN, Double.NaN, Double.NaN);
    }
    String[] labels = new String[series];
    for (int i = 0; i < series; i++) {
      labels[i] = "/route/" + i;
    }
    // The virtual-thread scheduler's carrier threads exist before any baseline is taken.
    VirtualThreads.runEach(10_000, i -> { });
    trial(false, tasks, labels); // warm-up of both modes, not counted
    trial(true, tasks, labels);
    double[] single = new double[trials];
    double[] virtual = new double[trials];
    long collections = 0;
    List<String> mismatches = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Trial one = trial(false, tasks, labels);
      Trial many = trial(true, tasks, labels);
      single[t] = one.bytesPerSeries();
      virtual[t] = many.bytesPerSeries();
      System.out.printf(Locale.ROOT, "trial %d: one thread %.1f B, virtual threads %.1f B per pair%n",
          t + 1, single[t], virtual[t]);
      collections += many.collections();
      for (String mismatch : List.of(one.mismatch(), many.mismatch())) {
        if (!mismatch.isEmpty()) {
          mismatches.add(mismatch);
        }
      }
    }
    return new Result(jdk, true, tasks, series, collections, String.join("; ", mismatches),
        SeriesMemory.median(single), SeriesMemory.median(virtual),
        Arrays.stream(virtual).max().getAsDouble());
  }

  private static Trial trial(boolean virtual, int tasks, String[] labels)
      throws InterruptedException {
    // Memory is what the registry's own objects keep alive: heap with them minus heap once they
    // are dropped, for a registry given the run and for one given nothing. Comparing heap before
    // and after the run instead counted the virtual-thread scheduler's work queues, which grow
    // with a backlog of 100,000 tasks and stay grown (tens of KB per series, differing by trial).
    long empty = retainedBy(new AtomicReference<>(new Pairs(labels.length)));
    AtomicReference<Pairs> holder = new AtomicReference<>(new Pairs(labels.length));
    Pairs pairs = holder.get();
    long collections = pairs.record(virtual, tasks, labels);
    String mismatch = verify(pairs.stria.reader().collect(), labels, tasks,
        virtual ? "virtual threads" : "one thread");
    pairs = null; // only the holder keeps the registry alive now
    long full = retainedBy(holder);
    return new Trial((full - empty) / (double) labels.length, collections, mismatch);
  }

  /** The heap that only {@code holder}'s value keeps alive. */
  private static long retainedBy(AtomicReference<?> holder) throws InterruptedException {
    long with = SeriesMemory.usedHeapAfterGc();
    holder.set(null);
    return with - SeriesMemory.usedHeapAfterGc();
  }

  /** A registry with a counter and a histogram, each with one series outside the check. */
  private static final class Pairs {
    final StriaSetup stria;
    final dev.stria.Counter counter;
    final dev.stria.Histogram histogram;

    Pairs(int series) {
      stria = new StriaSetup(series + 10);
      counter = stria.counter("requests");
      histogram = stria.explicitHistogram("duration");
      counter.labels("/baseline").inc();
      histogram.labels("/baseline").observe(0.1);
      stria.reader().collect();
    }

    /** Gives each labelled pair its tasks; returns the collections that ran meanwhile. */
    long record(boolean virtual, int tasks, String[] labels) throws InterruptedException {
      long collections = 0;
      for (String label : labels) {
        dev.stria.Counter.Series counterSeries = counter.labels(label);
        dev.stria.Histogram.Series histogramSeries = histogram.labels(label);
        if (virtual) {
          try (PeriodicCollector collector = new PeriodicCollector("check",
              VirtualThreadBenchmark.COLLECT_EVERY_MILLIS, () -> stria.reader().collect())) {
            VirtualThreads.runEach(tasks, i -> {
              histogramSeries.observe(VirtualThreadBenchmark.seconds(i));
              counterSeries.inc();
            });
            collections += collector.collections();
          }
        } else {
          for (int i = 0; i < tasks; i++) {
            histogramSeries.observe(VirtualThreadBenchmark.seconds(i));
            counterSeries.inc();
          }
        }
      }
      return collections;
    }
  }

  /** Empty when every labelled series holds exactly what the tasks recorded, else what differs. */
  static String verify(List<MetricSnapshot> snapshots, String[] labels, int tasks, String mode) {
    List<String> wrong = new ArrayList<>();
    int counters = 0;
    int histograms = 0;
    for (MetricSnapshot snapshot : snapshots) {
      for (PointSnapshot point : snapshot.points()) {
        String label = point.labels().get("route");
        if (label == null || label.equals("/baseline")) {
          continue;
        }
        if (point instanceof CounterPoint) {
          counters++;
          double value = ((CounterPoint) point).value();
          if (value != tasks) {
            wrong.add(mode + ": counter " + label + " = " + value + ", expected " + tasks);
          }
        } else if (point instanceof HistogramPoint) {
          histograms++;
          String histogramWrong = verifyHistogram((HistogramPoint) point, tasks);
          if (!histogramWrong.isEmpty()) {
            wrong.add(mode + ": histogram " + label + " " + histogramWrong);
          }
        }
      }
    }
    if (counters != labels.length || histograms != labels.length) {
      wrong.add(mode + ": " + counters + " counter and " + histograms
          + " histogram series collected, expected " + labels.length + " of each");
    }
    return String.join("; ", wrong);
  }

  private static String verifyHistogram(HistogramPoint point, int tasks) {
    double[] bounds = point.bounds();
    long[] expectedBuckets = new long[bounds.length + 1];
    double expectedSum = 0;
    for (int i = 0; i < tasks; i++) {
      double value = VirtualThreadBenchmark.seconds(i);
      expectedSum += value; // exact: multiples of 1/1024 far below 2^43
      int bucket = 0;
      while (bucket < bounds.length && value > bounds[bucket]) {
        bucket++;
      }
      expectedBuckets[bucket]++;
    }
    List<String> wrong = new ArrayList<>();
    if (point.count() != tasks) {
      wrong.add("count " + point.count() + " != " + tasks);
    }
    if (point.sum() != expectedSum) {
      wrong.add("sum " + point.sum() + " != " + expectedSum);
    }
    if (!Arrays.equals(point.bucketCounts(), expectedBuckets)) {
      wrong.add("buckets " + Arrays.toString(point.bucketCounts()) + " != "
          + Arrays.toString(expectedBuckets));
    }
    return String.join(", ", wrong);
  }

  /** The result as the report program reads it. */
  public static String toJson(Result result) {
    return String.format(Locale.ROOT,
        "{\n  \"jdk\": \"%s\",\n  \"available\": %b,\n  \"tasks\": %d,\n  \"series\": %d,\n"
            + "  \"collectionsDuringRun\": %d,\n  \"exact\": %b,\n  \"mismatch\": \"%s\",\n"
            + "  \"singleThreadBytesPerSeries\": %s,\n  \"virtualThreadBytesPerSeries\": %s,\n"
            + "  \"maxVirtualThreadBytesPerSeries\": %s\n}\n",
        result.jdk(), result.available(), result.tasks(), result.series(),
        result.collectionsDuringRun(), result.exact(),
        result.mismatch().replace("\\", "\\\\").replace("\"", "'"),
        number(result.singleThreadBytesPerSeries()), number(result.virtualThreadBytesPerSeries()),
        number(result.maxVirtualThreadBytesPerSeries()));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.1f", value);
  }
}
