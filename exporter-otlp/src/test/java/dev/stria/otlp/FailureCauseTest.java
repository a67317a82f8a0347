package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.Temporality;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
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
 * A failed export's warning says why, with real sockets: a closed port, a name that cannot
 * resolve, a server that accepts and never answers, a server that accepts no connection.
 */
class FailureCauseTest {
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("dev.stria.otlp");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureWarnings() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    logger.removeHandler(capture);
  }

  @Test
  void closedPortReadsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    assertThat(exportOnceTo("http://127.0.0.1:" + port + "/v1/metrics", Duration.ofSeconds(5)))
        .singleElement().asString()
        .contains("failed after 1 attempt: connection refused by 127.0.0.1:" + port);
  }

  @Test
  void unresolvableHostReadsUnknownHost() throws Exception {
    assertThat(exportOnceTo("http://nonexistent.invalid:4318/v1/metrics", Duration.ofSeconds(5)))
        .singleElement().asString()
        .contains("unknown host nonexistent.invalid").doesNotContain("refused");
  }

  @Test
  void serverThatNeverAnswersReadsTimedOutAfterTheTimeout() throws Exception {
    // The kernel completes the connection (backlog 50) but nothing ever reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(exportOnceTo("http://127.0.0.1:" + silent.getLocalPort() + "/v1/metrics",
          Duration.ofMillis(300)))
          .singleElement().asString()
          .contains("timed out after 300 ms waiting for 127.0.0.1:" + silent.getLocalPort());
    }
  }

  @Test
  void serverWhoseBacklogIsFullReadsConnectTimedOutAfterTheConnectTimeout() throws Exception {
    // Backlog 1, never accepted: once the kernel's queue is full it drops further connection
    // attempts, and a client's connect waits until its own limit.
    List<Socket> queued = new ArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = new InetSocketAddress(full.getInetAddress(), full.getLocalPort());
      try {
        while (queued.size() < 64) {
          Socket s = new Socket();
          queued.add(s);
          s.connect(address, 200);
        }
        throw new AssertionError("the kernel never stopped accepting into a backlog of 1");
      } catch (SocketTimeoutException queueFull) {
        // from here on, connecting waits
      }
      assertThat(exportOnceTo("http://127.0.0.1:" + full.getLocalPort() + "/v1/metrics",
          Duration.ofSeconds(5), Duration.ofMillis(400)))
          .singleElement().asString()
          .contains("connecting to 127.0.0.1:" + full.getLocalPort() + " timed out after 400 ms");
    } finally {
      for (Socket s : queued) {
        s.close();
      }
    }
  }

  /** One export without retries; the warnings it logged. */
  private List<String> exportOnceTo(String endpoint, Duration timeout) {
    return exportOnceTo(endpoint, timeout, Duration.ofSeconds(10));
  }

  private List<String> exportOnceTo(String endpoint, Duration timeout, Duration connectTimeout) {
    ExporterFaultsTest.Jobs jobs = new ExporterFaultsTest.Jobs(Temporality.CUMULATIVE);
    jobs.add("a", 1);
    try (OtlpExporter exporter = ExporterFaultsTest.builder(jobs, endpoint)
        .retryPolicy(RetryPolicy.NONE).timeout(timeout).connectTimeout(connectTimeout)
        .shutdownHook(false).start()) {
      assertThat(exporter.forceFlush()).isFalse();
      List<String> seen = List.copyOf(warnings);
      warnings.clear(); // close() exports once more: not what this test reads
      return seen;
    }
  }
}
