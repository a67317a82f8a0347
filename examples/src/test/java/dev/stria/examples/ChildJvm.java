package dev.stria.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the demo in a JVM of its own, the way a user does, with an environment of the test's
 * choosing (every inherited {@code OTEL_*} variable removed first), and waits for it to exit.
 */
final class ChildJvm {
  record Exit(int code, String out, String err) {}

  private ChildJvm() {}

  /** {@code java -cp <the test classpath> dev.stria.examples.Main args...} */
  static Exit runMain(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  /** {@code java -jar jar args...} */
  static Exit runJar(Path jar, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private static Exit run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("stria-demo", ".out");
    Path err = Files.createTempFile("stria-demo", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the demo did not exit: " + command);
      }
      return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
