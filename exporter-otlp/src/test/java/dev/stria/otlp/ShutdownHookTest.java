package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child JVM returns from main; the shutdown hook's last export reaches the receiver. */
class ShutdownHookTest {

  @Test
  void batchJobThatReturnsFromMainDeliversItsExactTotal() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      Process child = new ProcessBuilder(java, "-cp", classpath, BatchJobMain.class.getName(),
          receiver.endpoint())
          .redirectErrorStream(true).redirectOutput(new File("target/batch-job.log")).start();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(receiver.deltaTotal("batch.items")).isEqualTo(BatchJobMain.ITEMS);
    }
  }
}
