package dev.stria.jvm;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code /usr/bin/prometheus} and {@code /usr/bin/promtool} (Debian's {@code prometheus}
 * package) for the exposure tests, as exporter-prometheus' tests find them: a missing binary
 * skips the test locally and fails it when {@code CI=true}.
 */
final class PrometheusBinaries {
  private PrometheusBinaries() {}

  static Path require(String name) {
    Path binary = Path.of("/usr/bin", name);
    if (Files.isExecutable(binary)) {
      return binary;
    }
    String message = binary + " is not installed (apt-get install -y prometheus provides it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + ", and CI=true requires it");
    }
    Assumptions.abort("skipped: " + message);
    throw new AssertionError("unreachable");
  }
}
