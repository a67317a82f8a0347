package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program in a JVM of its own that starts the exporter, is scraped, and returns from {@code
 * main} without closing it: the JVM still exits, because every thread the scrape server runs is a
 * daemon. That includes the JDK server's dispatcher thread, which would keep the JVM alive had the
 * server been started from {@code main}'s own (non-daemon) thread.
 */
class ScrapeServerExitTest {
  @TempDir Path dir;

  /** The child: serves one counter, scrapes itself once, prints the scrape and returns. */
  public static void main(String[] args) {
    MeterRegistry registry = new MeterRegistry();
    registry.counter("served.requests").register().inc();
    PrometheusExporter exporter = PrometheusExporter.builder().registry(registry)
        .host("127.0.0.1").port(0).start();
    byte[] scrape = LoopbackHttp.send(exporter.port(), "GET", "/metrics").body();
    System.out.print(new String(scrape, StandardCharsets.UTF_8));
  }

  @Test
  void aProgramThatReturnsWithoutClosingTheExporterExits() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(dir, ScrapeServerExitTest.class);

    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(exit.out()).containsPattern("served_requests_total\\{[^}]*\\} 1\\.0\n");
  }
}
