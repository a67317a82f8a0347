package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Pushgateway that is down, unknown or silent: explicit pushes throw an {@link IOException}
 * that names the cause and the URL; automatic ones never throw, warn once per kind and count.
 */
class PushgatewayFailureTest {
  private final Logger julLogger = Logger.getLogger("dev.stria.prometheus.pushgateway");
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureWarnings() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    julLogger.removeHandler(capture);
  }

  private static PushgatewayExporterBuilder exporter(MeterRegistry registry, String address) {
    registry.counter("work.done").register().inc();
    return PushgatewayExporter.builder().registry(registry).address(address).job("failing")
        .shutdownHook(false);
  }

  private static String downAddress() throws IOException {
    return "http://127.0.0.1:" + LoggedProcess.freePort();   // nothing listens there any more
  }

  @Test
  void aPushgatewayThatIsDownGivesNoExceptionFromCloseOneWarningAndACount() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    PushgatewayExporter exporter = exporter(registry, downAddress()).build();

    exporter.close();

    assertThat(exporter.pushesFailed()).isEqualTo(1);
    assertThat(exporter.pushesSucceeded()).isZero();
    assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
        .contains("push on close", "PUT " + exporter.groupUrl(), "connection refused");
  }

  @Test
  void anExplicitPushToAPushgatewayThatIsDownThrowsNamingTheCauseAndTheUrl() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    try (PushgatewayExporter exporter = exporter(registry, downAddress()).pushOnClose(false)
        .build()) {
      assertThatThrownBy(exporter::push).isInstanceOf(IOException.class)
          .hasMessage("PUT " + exporter.groupUrl() + " failed: connection refused");
      assertThatThrownBy(exporter::delete).isInstanceOf(IOException.class)
          .hasMessage("DELETE " + exporter.groupUrl() + " failed: connection refused");

      assertThat(exporter.pushesFailed()).isEqualTo(2);
      assertThat(PushgatewayExporterTest.registryValue(registry, PushgatewayHealthMetrics.FAILED))
          .isEqualTo(2);
      assertThat(warnings).as("the caller was told; nothing to log").isEmpty();
    }
  }

  @Test
  void anUnknownHostIsToldApartFromARefusedConnection() {
    MeterRegistry registry = new MeterRegistry();
    try (PushgatewayExporter exporter = exporter(registry, "http://pushgateway.invalid:9091")
        .pushOnClose(false).build()) {
      assertThatThrownBy(exporter::push).isInstanceOf(IOException.class)
          .hasMessage("PUT http://pushgateway.invalid:9091/metrics/job/failing failed:"
              + " unknown host");
    }
  }

  @Test
  void aPushgatewayThatNeverAnswersTimesOutWithTheLimitInTheMessage() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());   // reads nothing, answers nothing
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      MeterRegistry registry = new MeterRegistry();

      PushgatewayExporter exporter = exporter(registry, "127.0.0.1:" + silent.getLocalPort())
          .timeout(Duration.ofMillis(300)).build();
      assertThatThrownBy(exporter::push).isInstanceOf(IOException.class)
          .hasMessageEndingWith("failed: timed out after 300 ms without a response");
      exporter.close();

      assertThat(exporter.pushesFailed()).isEqualTo(2);
      assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
          .contains("timed out after 300 ms");
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void periodicPushesToAPushgatewayThatIsDownWarnOnceAndCountEveryFailure() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    PushgatewayExporter exporter = exporter(registry, downAddress())
        .interval(Duration.ofMillis(20)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (exporter.pushesFailed() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    exporter.close();   // one more failure, of the same kind: no second warning

    assertThat(exporter.pushesFailed()).isGreaterThanOrEqualTo(6);
    assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
        .contains("periodic push", "connection refused");
  }

  @Test
  void pushingAfterCloseIsAnIllegalStateException() throws Exception {
    MeterRegistry registry = new MeterRegistry();
    PushgatewayExporter exporter = exporter(registry, downAddress()).pushOnClose(false).build();
    exporter.close();

    assertThatThrownBy(exporter::push).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
