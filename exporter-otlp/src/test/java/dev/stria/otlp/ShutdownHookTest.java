package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM returns from main without close() and without asking for a hook: the default
 * shutdown hook's last export reaches the receiver, or its failure (a failed delivery, an
 * unexpected exception) reaches standard error.
 */
class ShutdownHookTest {

  @Test
  void batchJobThatReturnsFromMainDeliversItsExactTotal() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      Process child = batchJob(receiver.endpoint(), new File("target/batch-job.log"));
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(receiver.deltaTotal("batch.items")).isEqualTo(BatchJobMain.ITEMS);
    }
  }

  @Test
  void failedFlushFromTheShutdownHookIsReportedOnStandardError() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    File stderr = new File("target/batch-job-receiver-down.log");
    Process child = batchJob("http://127.0.0.1:" + port + "/v1/metrics", stderr);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(Files.readString(stderr.toPath()))
        .contains("OTLP export to http://127.0.0.1:" + port + "/v1/metrics failed after")
        .contains("connection refused by 127.0.0.1:" + port);
  }

  @Test
  void unexpectedFailureInTheShutdownHookIsReportedOnStandardError() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      File stderr = new File("target/failing-at-exit-job.log");
      Process child = childJvm(FailingAtExitJobMain.class, receiver.endpoint(), stderr);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(Files.readString(stderr.toPath()))
          .contains("ERROR [dev.stria.otlp] OTLP export failed unexpectedly")
          .contains(FailingAtExitJobMain.FAILURE);
    }
  }

  private static Process batchJob(String endpoint, File output) throws Exception {
    return childJvm(BatchJobMain.class, endpoint, output);
  }

  private static Process childJvm(Class<?> main, String endpoint, File output) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", classpath, main.getName(), endpoint)
        .redirectErrorStream(true).redirectOutput(output).start();
  }
}
