package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several threads scrape over HTTP, in text and protobuf, while writers record: every histogram
 * of every scrape is consistent, counters never go back, and the final scrape has every
 * observation.
 */
class ConcurrentScrapeTest {
  private static final int WRITERS = 3;
  private static final int SCRAPERS = 3;
  private static final int RECORDS_PER_WRITER = 50_000;
  private static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  private final MeterRegistry registry = new MeterRegistry();
  private final Counter requests =
      registry.counter("requests").labelNames("route").register();
  private final Histogram latency = registry.histogram("latency").unit("s")
      .buckets(0.001, 0.01, 0.1, 1).labelNames("route").register();
  private final Histogram sizes = registry.histogram("sizes").unit("By").exponential()
      .labelNames("route").register();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final AtomicInteger textHistogramsChecked = new AtomicInteger();
  private final AtomicInteger protobufHistogramsChecked = new AtomicInteger();
  private final AtomicInteger partialScrapes = new AtomicInteger();

  @Test
  void everyScrapeIsConsistentWhileWritersRecordAndTheLastHasEverything() throws Exception {
    try (PrometheusExporter exporter = PrometheusExporter.builder().registry(registry)
        .host("127.0.0.1").port(0).start()) {
      URI uri = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger scrapes = new AtomicInteger();
      long giveUp = System.nanoTime() + 60_000_000_000L; // a stuck server fails below instead
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String route = "/r" + (w % 2);
        threads.add(new Thread(() -> {
          await(start);
          Counter.Series c = requests.labels(route);
          Histogram.Series l = latency.labels(route);
          Histogram.Series s = sizes.labels(route);
          for (int i = 0; i < RECORDS_PER_WRITER; i++) {
            c.inc();
            l.observe((i % 2000) / 1000.0);
            s.observe(i % 1000 - 100); // zeros and negatives too
            if ((i & 1023) == 1023 && i < RECORDS_PER_WRITER / 2) {
              // Hold the second half back until some scrapes ran during the writes.
              while (partialScrapes.get() < SCRAPERS && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
              }
            }
          }
        }));
      }
      List<Thread> scrapers = new ArrayList<>();
      for (int t = 0; t < SCRAPERS; t++) {
        boolean protobuf = t % 2 == 1;
        scrapers.add(new Thread(() -> {
          await(start);
          HttpClient http = HttpClient.newHttpClient();
          Map<String, Double> lastCounters = new HashMap<>();
          do {
            scrape(http, uri, protobuf, lastCounters);
            scrapes.incrementAndGet();
            double requests = lastCounters.entrySet().stream()
                .filter(e -> e.getKey().startsWith("requests_total"))
                .mapToDouble(Map.Entry::getValue).sum();
            if (requests > 0 && requests < (double) WRITERS * RECORDS_PER_WRITER) {
              partialScrapes.incrementAndGet();
            }
          } while (writing.get());
        }));
      }
      threads.forEach(Thread::start);
      scrapers.forEach(Thread::start);
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      writing.set(false);
      for (Thread t : scrapers) {
        t.join();
      }

      assertThat(problems).isEmpty();
      assertThat(scrapes.get()).isGreaterThanOrEqualTo(SCRAPERS);
      assertThat(partialScrapes.get()).as("scrapes that saw the writers half way")
          .isGreaterThanOrEqualTo(SCRAPERS);
      assertThat(textHistogramsChecked.get()).isPositive();
      assertThat(protobufHistogramsChecked.get()).isPositive();
      Map<String, MetricFamily> last = protobuf(HttpClient.newHttpClient(), uri);
      long total = (long) WRITERS * RECORDS_PER_WRITER;
      assertThat(last.get("requests_total").getMetricList().stream()
          .mapToDouble(m -> m.getCounter().getValue()).sum()).isEqualTo(total);
      assertThat(last.get("latency_seconds").getMetricList().stream()
          .mapToLong(m -> m.getHistogram().getSampleCount()).sum()).isEqualTo(total);
      assertThat(last.get("sizes_bytes").getMetricList().stream()
          .mapToLong(m -> m.getHistogram().getSampleCount()).sum()).isEqualTo(total);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void scrape(HttpClient http, URI uri, boolean protobuf, Map<String, Double> last) {
    try {
      if (protobuf) {
        for (MetricFamily family : protobuf(http, uri).values()) {
          for (Metrics.Metric m : family.getMetricList()) {
            checkProtobuf(family.getName() + m.getLabelList(), m, last);
          }
        }
      } else {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          problems.add("status " + response.statusCode());
        }
        checkText(response.body(), last);
      }
    } catch (Exception e) {
      problems.add(e.toString());
    }
  }

  private Map<String, MetricFamily> protobuf(HttpClient http, URI uri) throws Exception {
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(uri).header("Accept", PROTOBUF).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    ByteArrayInputStream in = new ByteArrayInputStream(response.body());
    Map<String, MetricFamily> families = new HashMap<>();
    MetricFamily family;
    while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
      families.put(family.getName(), family);
    }
    return families;
  }

  private void checkProtobuf(String series, Metrics.Metric m, Map<String, Double> last) {
    if (m.hasCounter()) {
      checkMonotonic(series, m.getCounter().getValue(), last);
    }
    if (!m.hasHistogram()) {
      return;
    }
    Metrics.Histogram h = m.getHistogram();
    protobufHistogramsChecked.incrementAndGet();
    if (h.getBucketCount() > 0
        && h.getBucket(h.getBucketCount() - 1).getCumulativeCount() != h.getSampleCount()) {
      problems.add(series + ": +Inf bucket differs from count " + h.getSampleCount());
    }
    if (h.getPositiveSpanCount() + h.getNegativeSpanCount() > 0 || h.getZeroCount() > 0) {
      long nativeTotal = h.getZeroCount() + undelta(h.getPositiveDeltaList())
          + undelta(h.getNegativeDeltaList());
      if (nativeTotal != h.getSampleCount()) {
        problems.add(series + ": native buckets sum to " + nativeTotal + ", count is "
            + h.getSampleCount());
      }
    }
  }

  private static long undelta(List<Long> deltas) {
    long count = 0;
    long total = 0;
    for (long d : deltas) {
      count += d;
      total += count;
    }
    return total;
  }

  /** Each histogram series' {@code +Inf} bucket must equal its {@code _count}. */
  private void checkText(String text, Map<String, Double> last) {
    Map<String, String> infBuckets = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      String value = line.substring(space + 1);
      if (series.endsWith(",le=\"+Inf\"}")) {
        String key = series.replace("_bucket{", "{").replace(",le=\"+Inf\"}", "}");
        infBuckets.put(key, value);
      } else if (series.contains("_count{")) {
        String key = series.replace("_count{", "{");
        textHistogramsChecked.incrementAndGet();
        if (!value.equals(infBuckets.get(key))) {
          problems.add(series + " = " + value + " but +Inf bucket = " + infBuckets.get(key));
        }
      } else if (series.startsWith("requests_total")) {
        checkMonotonic(series, Double.parseDouble(value), last);
      }
    }
  }

  private void checkMonotonic(String series, double value, Map<String, Double> last) {
    Double before = last.put(series, value);
    if (before != null && value < before) {
      problems.add(series + " went back from " + before + " to " + value);
    }
  }
}
