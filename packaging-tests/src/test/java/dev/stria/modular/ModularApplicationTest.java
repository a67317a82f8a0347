package dev.stria.modular;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.io.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ModularApp} in a child JVM on the module path ({@code java --module-path ... -m
 * dev.stria.modular/...}), with nothing on the class path: the library jars' module-info must
 * name every JDK module they use (jdk.httpserver, java.net.http), or the child dies with a
 * NoClassDefFoundError.
 */
class ModularApplicationTest {

  @Test
  void modularApplicationServesAScrapeAndPushesOtlpOnTheModulePath(@TempDir Path dir)
      throws Exception {
    List<ExportMetricsServiceRequest> pushed = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/v1/metrics", exchange -> {
      try (exchange; InputStream body = exchange.getRequestBody()) {
        pushed.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();
    Path protobufScrape = dir.resolve("scrape.pb");
    Path out = dir.resolve("out.txt");
    try {
      String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics";
      Process child = new ProcessBuilder(java(), "--module-path", modulePath(),
          "-m", "dev.stria.modular/" + ModularApp.class.getName(), endpoint,
          protobufScrape.toString())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the modular application exited").isTrue();
      String output = Files.readString(out);
      assertThat(child.exitValue()).as(output).isZero();

      assertThat(output).contains("module dev.stria.modular automatic=false",
          "module dev.stria.prometheus automatic=false", "module dev.stria.otlp automatic=false",
          "module dev.stria automatic=false");
      assertThat(output).containsPattern("modular_jobs_total\\{[^}]*\\} 42\\.0");
      assertThat(output).contains("otlp delivered=true");
      assertThat(protobufFamilies(protobufScrape))
          .contains("modular_jobs_total", "modular_latency_seconds");
      assertThat(pushedCounter(pushed, "modular.jobs")).isEqualTo(42);
    } finally {
      receiver.stop(0);
    }
  }

  /** The application's own classes, then its runtime dependencies, as Maven resolved them. */
  private static String modulePath() throws Exception {
    return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
        + Files.readString(Path.of("target", "module-path.txt")).trim();
  }

  private static List<String> protobufFamilies(Path scrape) throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(scrape)) {
      Metrics.MetricFamily family;
      while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
        names.add(family.getName());
      }
    }
    return names;
  }

  private static double pushedCounter(List<ExportMetricsServiceRequest> pushed, String name) {
    double last = Double.NaN;
    for (ExportMetricsServiceRequest request : pushed) {
      for (var resource : request.getResourceMetricsList()) {
        for (var scope : resource.getScopeMetricsList()) {
          for (Metric m : scope.getMetricsList()) {
            if (m.getName().equals(name)) {
              NumberDataPoint p = m.getSum().getDataPoints(0);
              last = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT
                  ? p.getAsInt() : p.getAsDouble();
            }
          }
        }
      }
    }
    return last;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
