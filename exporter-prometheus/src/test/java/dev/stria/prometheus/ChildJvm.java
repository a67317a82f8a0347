package dev.stria.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's {@code main} in a JVM of its own, on the test classpath, the way a user's program
 * runs, and waits for that JVM to exit.
 */
final class ChildJvm {
  /** How the child ended: its exit code and what it wrote. */
  record Exit(int code, String out, String err) {}

  private ChildJvm() {}

  /**
   * {@code java -cp <the test classpath> main args...}, its output kept in {@code dir}.
   *
   * @throws AssertionError if the JVM has not exited a minute later (it is then killed)
   */
  static Exit run(Path dir, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "child", ".out");
    Path err = Files.createTempFile(dir, "child", ".err");
    Process child = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!child.waitFor(60, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
      throw new AssertionError(main.getSimpleName() + "'s JVM did not exit within a minute;"
          + " its output: " + Files.readString(out) + Files.readString(err));
    }
    return new Exit(child.exitValue(), Files.readString(out), Files.readString(err));
  }
}
