package dev.stria.modular;

import dev.stria.Counter;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.otlp.OtlpExporter;
import dev.stria.prometheus.PrometheusExporter;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a modular application does with Stria, run by {@code ModularApplicationTest} on the module
 * path: records, serves a scrape on a free loopback port and reads it back (text to standard
 * output, protobuf to a file), then pushes OTLP to the endpoint it is given.
 *
 * <p>Arguments: the OTLP endpoint, and the file for the protobuf scrape.
 */
public final class ModularApp {
  static final String PROTOBUF = "application/vnd.google.protobuf;"
      + "proto=io.prometheus.client.MetricFamily;encoding=delimited";

  private ModularApp() {}

  /**
   * Runs the application.
   *
   * @param args the OTLP endpoint and the file for the protobuf scrape
   * @throws Exception when anything fails: the child JVM then exits non-zero
   */
  public static void main(String[] args) throws Exception {
    MeterRegistry registry = MeterRegistry.builder()
        .resourceAttribute("service.name", "modular-app").build();
    Counter jobs = registry.counter("modular.jobs").unit("1").register();
    Histogram latency = registry.histogram("modular.latency").unit("s").exponential().register();
    jobs.add(42);
    latency.observe(0.25);

    for (Class<?> c : new Class<?>[] {ModularApp.class, PrometheusExporter.class,
        OtlpExporter.class, MeterRegistry.class}) {
      Module m = c.getModule(); // an unnamed module (class path) has no descriptor: NPE, exit 1
      System.out.println("module " + m.getName() + " automatic=" + m.getDescriptor().isAutomatic());
    }
    try (PrometheusExporter scrape = PrometheusExporter.builder().registry(registry)
            .host("127.0.0.1").port(0).start();
         OtlpExporter push = OtlpExporter.builder().registry(registry).endpoint(args[0])
            .shutdownHook(false).start()) {
      String base = "http://127.0.0.1:" + scrape.port() + "/metrics";
      System.out.println(new String(get(base, "text/plain"), StandardCharsets.UTF_8));
      Files.write(Path.of(args[1]), get(base, PROTOBUF));
      System.out.println("otlp delivered=" + push.forceFlush());
    }
  }

  private static byte[] get(String url, String accept) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestProperty("Accept", accept);
    if (c.getResponseCode() != 200) {
      throw new IOException(url + " answered HTTP " + c.getResponseCode());
    }
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    } finally {
      c.disconnect();
    }
  }
}
