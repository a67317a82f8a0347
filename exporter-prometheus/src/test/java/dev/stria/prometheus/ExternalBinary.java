package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a Prometheus binary (prometheus, promtool, prometheus-pushgateway) for the integration
 * tests: skipped with a message when it is missing locally, a failure when {@code CI=true} (CI
 * installs it, see {@code .ci/run}). Public for other modules' tests (this module's test-jar).
 */
public final class ExternalBinary {
  private ExternalBinary() {}

  /** The binary {@code name} of Debian's {@code prometheus} package. */
  public static Path require(String name) {
    return require(name, "prometheus");
  }

  /** The binary {@code name}, which Debian's package {@code debianPackage} installs. */
  static Path require(String name, String debianPackage) {
    for (String dir : new String[] {"/usr/bin", "/usr/local/bin"}) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = name + " is not installed (apt-get install -y " + debianPackage
        + " provides it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + ", and CI=true requires it");
    }
    Assumptions.abort("skipped: " + message);
    throw new AssertionError("unreachable");
  }
}
