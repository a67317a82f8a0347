package dev.stria.jmh.memory;

import com.codahale.metrics.MetricRegistry;
import dev.stria.jmh.Peers;
import dev.stria.jmh.StriaSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * Retained heap per series, each library: how much more heap stays live after a full GC once an
 * instrument has grown N more labelled series, each recorded into once (so that lazily created
 * state exists), divided by N. Not a JMH benchmark: a plain program, run by {@code
 * run-benchmarks.sh} with {@code -XX:+UseSerialGC} so that {@link System#gc()} is a full,
 * compacting collection, and with {@code -XX:-UseTLAB}: otherwise the allocation buffer a thread
 * takes right after the collection counts whole as used heap and moves a trial by megabytes.
 *
 * <p>The label values exist before the first measurement, so their strings are not counted; names
 * or attribute objects a library builds from them are. Each instrument and its registry are built,
 * and given one series, before the baseline, so only the cost of further series is measured.
 * Every library is measured once to warm up, then {@code trials} times; the median is reported.
 *
 * <p>Every library is measured with one writer and with {@value #MANY_WRITERS}: the thread that
 * creates each series records into it once, as with one writer, then {@value #MANY_WRITERS} - 1
 * more platform threads, running at the same time, each record into every series once, so that a
 * library which keeps state per writing thread, or stripes on contention, shows what that costs
 * once the series has been written from several threads. Lines carry {@code "writers"}: 1 or
 * {@value #MANY_WRITERS}.
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -XX:-UseTLAB -cp benchmarks.jar
 * dev.stria.jmh.memory.SeriesMemory [out.json] [series] [trials]} (defaults {@code jmh/target/memory.json}, 10000, 5).
 */
public final class SeriesMemory {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final double OBSERVED_SECONDS = 0.042;
  /** Above any series count measured, so that no library folds series into an overflow. */
  private static final int CARDINALITY_LIMIT = 1_000_000;
  /** The writer threads of the second measurement of each library. */
  public static final int MANY_WRITERS = 4;

  /** One library's instrument, able to grow one more series. */
  interface Fixture {
    void addSeries(String labelValue);

    /**
     * Records once more into the series {@link #addSeries} created for {@code labelValue}, the
     * {@code index}-th created; called from several threads at once, after every series exists.
     */
    default void recordAgain(int index, String labelValue) {
      addSeries(labelValue);
    }
  }

  /**
   * A library and instrument kind. {@code seriesDivisor} shrinks N for libraries whose series
   * are too large to hold 10,000 of in a small heap (HdrHistogram); the result is still per series.
   */
  record Subject(String library, String kind, int seriesDivisor, Supplier<Fixture> fixture) {}

  /** One measured line: the median and every trial, in bytes per series. */
  public record Result(String library, String kind, int writers, int series,
      double bytesPerSeries, double[] trials) {}

  private SeriesMemory() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args.length > 0 ? args[0] : "jmh/target/memory.json");
    int series = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int trials = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Result> results = measureAll(subjects(), series, trials);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, toJson(series, trials, results), StandardCharsets.UTF_8);
    for (Result result : results) {
      System.out.printf(
          Locale.ROOT,
          "%-10s %-32s %d writer(s) %10.1f B/series (%d series)%n",
          result.kind(),
          result.library(),
          result.writers(),
          result.bytesPerSeries(),
          result.series());
    }
    System.out.println("Memory results written to " + out);
  }

  /** Every library and kind this program measures. */
  static List<Subject> subjects() {
    List<Subject> subjects = new ArrayList<>();
    subjects.add(new Subject("stria", "counter", 1, SeriesMemory::striaCounter));
    subjects.add(new Subject("floorLongAdder", "counter", 1, SeriesMemory::longAdders));
    subjects.add(new Subject("prometheus", "counter", 1, SeriesMemory::prometheusCounter));
    subjects.add(new Subject("otel", "counter", 1, SeriesMemory::otelCounter));
    subjects.add(new Subject("micrometer", "counter", 1, SeriesMemory::micrometerCounter));
    subjects.add(new Subject("dropwizard", "counter", 1, SeriesMemory::dropwizardCounter));
    subjects.add(new Subject("striaExplicit", "histogram", 1, () -> striaHistogram(false)));
    subjects.add(
        new Subject("striaExponential", "histogram", 1, () -> striaHistogram(true)));
    for (Peers.PrometheusMode mode : Peers.PrometheusMode.values()) {
      subjects.add(
          new Subject(
              "prometheus" + camelCase(mode.name()),
              "histogram",
              1,
              () -> prometheusHistogram(mode)));
    }
    subjects.add(new Subject("otelExplicit", "histogram", 1, () -> otelHistogram(false)));
    subjects.add(new Subject("otelExponential", "histogram", 1, () -> otelHistogram(true)));
    subjects.add(new Subject("micrometer", "histogram", 1, SeriesMemory::micrometerSummary));
    subjects.add(new Subject("dropwizard", "histogram", 1, SeriesMemory::dropwizardHistogram));
    subjects.add(new Subject("hdrRecorder", "histogram", 100, SeriesMemory::hdrRecorders));
    return subjects;
  }

  static List<Result> measureAll(List<Subject> subjects, int series, int trials)
      throws InterruptedException {
    List<Result> results = new ArrayList<>();
    for (int writers : new int[] {1, MANY_WRITERS}) {
      for (Subject subject : subjects) {
        int count = Math.max(1, series / subject.seriesDivisor());
        String[] labelValues = new String[count];
        for (int i = 0; i < count; i++) {
          labelValues[i] = "/route/" + i;
        }
        retainedBytes(subject, labelValues, writers);
        double[] perSeries = new double[trials];
        for (int t = 0; t < trials; t++) {
          perSeries[t] = retainedBytes(subject, labelValues, writers) / (double) count;
        }
        results.add(new Result(
            subject.library(), subject.kind(), writers, count, median(perSeries), perSeries));
      }
    }
    return results;
  }

  private static long retainedBytes(Subject subject, String[] labelValues, int writers)
      throws InterruptedException {
    Fixture fixture = subject.fixture().get();
    fixture.addSeries("/baseline");
    long before = usedHeapAfterGc();
    for (String labelValue : labelValues) {
      fixture.addSeries(labelValue);
    }
    recordFromMoreThreads(fixture, labelValues, writers - 1);
    long after = usedHeapAfterGc();
    Reference.reachabilityFence(fixture);
    return after - before;
  }

  /** {@code threads} platform threads, started together, each record once into every series. */
  static void recordFromMoreThreads(Fixture fixture, String[] labelValues, int threads)
      throws InterruptedException {
    if (threads <= 0) {
      return;
    }
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      Thread writer = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < labelValues.length; i++) {
            fixture.recordAgain(i, labelValues[i]);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }, "memory-writer-" + w);
      writer.start();
      writers.add(writer);
    }
    start.countDown();
    for (Thread writer : writers) {
      writer.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a writer thread failed", failure.get());
    }
  }

  /** Used heap after several full collections (a full GC each under {@code -XX:+UseSerialGC}). */
  public static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** The median of {@code values}: the middle one, or the mean of the middle two. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Fixture striaCounter() {
    StriaSetup stria = new StriaSetup(CARDINALITY_LIMIT);
    dev.stria.Counter counter = stria.counter("requests");
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        counter.labels(labelValue).inc();
        Reference.reachabilityFence(stria);
      }
    };
  }

  private static Fixture striaHistogram(boolean exponential) {
    StriaSetup stria = new StriaSetup(CARDINALITY_LIMIT);
    dev.stria.Histogram histogram = exponential
        ? stria.exponentialHistogram("duration")
        : stria.explicitHistogram("duration");
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        histogram.labels(labelValue).observe(OBSERVED_SECONDS);
        Reference.reachabilityFence(stria);
      }
    };
  }

  private static Fixture longAdders() {
    List<LongAdder> adders = new ArrayList<>();
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        LongAdder adder = new LongAdder();
        adder.increment();
        adders.add(adder);
      }

      @Override
      public void recordAgain(int index, String labelValue) {
        adders.get(index + 1).increment(); // the first one is the baseline's
      }
    };
  }

  private static Fixture prometheusCounter() {
    Counter counter =
        Counter.builder()
            .name("requests")
            .help("memory counter")
            .labelNames(Peers.LABEL)
            .register(new PrometheusRegistry());
    return labelValue -> counter.labelValues(labelValue).inc();
  }

  private static Fixture otelCounter() {
    SdkMeterProvider provider = Peers.otelProvider(false, CARDINALITY_LIMIT);
    LongCounter counter = provider.get("memory").counterBuilder("requests").build();
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        counter.add(1L, Peers.otelAttributes(labelValue));
        Reference.reachabilityFence(provider);
      }
    };
  }

  private static Fixture micrometerCounter() {
    MeterRegistry registry = new SimpleMeterRegistry();
    return labelValue -> registry.counter("requests", Peers.LABEL, labelValue).increment();
  }

  private static Fixture dropwizardCounter() {
    MetricRegistry registry = new MetricRegistry();
    return labelValue -> registry.counter(MetricRegistry.name("requests", labelValue)).inc();
  }

  private static Fixture prometheusHistogram(Peers.PrometheusMode mode) {
    Histogram histogram =
        Peers.prometheusHistogram(new PrometheusRegistry(), "duration", mode);
    return labelValue -> histogram.labelValues(labelValue).observe(OBSERVED_SECONDS);
  }

  private static Fixture otelHistogram(boolean exponential) {
    SdkMeterProvider provider = Peers.otelProvider(exponential, CARDINALITY_LIMIT);
    DoubleHistogram histogram = Peers.otelHistogram(provider.get("memory"), "duration");
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        histogram.record(OBSERVED_SECONDS, Peers.otelAttributes(labelValue));
        Reference.reachabilityFence(provider);
      }
    };
  }

  private static Fixture micrometerSummary() {
    MeterRegistry registry = new SimpleMeterRegistry();
    return labelValue ->
        Peers.micrometerSummary(registry, "duration", labelValue).record(OBSERVED_SECONDS);
  }

  private static Fixture dropwizardHistogram() {
    MetricRegistry registry = new MetricRegistry();
    return labelValue ->
        registry
            .histogram(MetricRegistry.name("duration", labelValue))
            .update(Math.round(OBSERVED_SECONDS * 1e9));
  }

  private static Fixture hdrRecorders() {
    List<Recorder> recorders = new ArrayList<>();
    return new Fixture() {
      @Override
      public void addSeries(String labelValue) {
        Recorder recorder = Peers.hdrRecorder();
        recorder.recordValue(Math.round(OBSERVED_SECONDS * 1e9));
        recorders.add(recorder);
      }

      @Override
      public void recordAgain(int index, String labelValue) {
        recorders.get(index + 1).recordValue(Math.round(OBSERVED_SECONDS * 1e9));
      }
    };
  }

  private static String camelCase(String enumName) {
    StringBuilder name = new StringBuilder();
    for (String word : enumName.toLowerCase(Locale.ROOT).split("_")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }

  public static String toJson(int series, int trials, List<Result> results) {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"series\": ").append(series);
    json.append(",\n  \"trials\": ").append(trials);
    json.append(",\n  \"jdk\": \"").append(System.getProperty("java.version")).append('"');
    json.append(",\n  \"results\": [");
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      json.append(i == 0 ? "\n" : ",\n");
      json.append("    {\"library\": \"").append(result.library()).append('"');
      json.append(", \"kind\": \"").append(result.kind()).append('"');
      json.append(", \"writers\": ").append(result.writers());
      json.append(", \"series\": ").append(result.series());
      json.append(", \"bytesPerSeries\": ").append(format(result.bytesPerSeries()));
      json.append(", \"trials\": [");
      for (int t = 0; t < result.trials().length; t++) {
        json.append(t == 0 ? "" : ", ").append(format(result.trials()[t]));
      }
      json.append("]}");
    }
    json.append("\n  ]\n}\n");
    return json.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
