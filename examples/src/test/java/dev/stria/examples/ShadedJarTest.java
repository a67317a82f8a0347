package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's jar, {@code examples/target/stria-examples.jar}, run as a newcomer runs it. Runs
 * after {@code package} (the surefire execution {@code shaded-jar} in the integration-test phase).
 */
class ShadedJarTest {
  static final Path JAR = Path.of(System.getProperty("basedir", "."), "target",
      "stria-examples.jar");

  @Test
  void batchFromTheJarPushesEveryOperationBeforeItExits() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      ChildJvm.Exit exit = ChildJvm.runJar(JAR, Map.of(
              "OTEL_METRICS_EXPORTER", "otlp",
              "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint(),
              "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "delta"),
          "batch", "--iterations", "100");

      assertThat(exit.code()).as(exit.err()).isZero();
      assertThat(receiver.metrics(BatchJob.DURATION).stream()
          .flatMap(m -> m.getHistogram().getDataPointsList().stream())
          .mapToLong(HistogramDataPoint::getCount).sum()).isEqualTo(100);
      List<KeyValue> resource = receiver.requests().get(0).getResourceMetrics(0)
          .getResource().getAttributesList();
      assertThat(resource).anySatisfy(kv -> {
        assertThat(kv.getKey()).isEqualTo("service.name");
        assertThat(kv.getValue().getStringValue()).isEqualTo(DemoRegistry.SERVICE_NAME);
      });
    }
  }

  @Test
  void serviceFromTheJarPrintsItsUrlAndServesMetrics() throws Exception {
    Process service = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "service", "--port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).startsWith("Serving a simulated web service's metrics at http://127.0.0.1:");
      String url = banner.substring(banner.indexOf("http://"));

      assertThat(Scrape.text(url)).contains("# TYPE http_server_requests_total counter")
          .contains("target_info{service_name=\"stria-demo\"");
    } finally {
      service.destroy();   // SIGTERM, as Ctrl-C: the shutdown hook stops the demo
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void badArgumentsExitWithCode2() throws Exception {
    ChildJvm.Exit exit = ChildJvm.runJar(JAR, Map.of(), "--port");

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.err()).contains("--port needs a value").contains("usage:");
  }

  @Test
  void jarManifestNamesTheModuleAndTheMainClass() throws Exception {
    assertThat(Files.exists(JAR)).as(JAR + " exists").isTrue();
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
      java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo(Main.class.getName());
      assertThat(main.getValue("Automatic-Module-Name")).isEqualTo("dev.stria.examples");
    }
  }
}
