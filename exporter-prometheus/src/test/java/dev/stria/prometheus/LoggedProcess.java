package dev.stria.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external server of the integration tests (Prometheus, the Pushgateway) with its output in a
 * log file, whose tail goes into failure messages; {@link #close()} stops it (SIGTERM, then
 * SIGKILL after 10 s).
 */
final class LoggedProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private LoggedProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static LoggedProcess start(List<String> command, Path log) throws IOException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new LoggedProcess(process, log);
  }

  /** A loopback port that was free a moment ago, for a server to bind. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last 3000 characters of the log. */
  String logTail() {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 3000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
