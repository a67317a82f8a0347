package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that the README shows a test's snippet exactly as the test runs it. */
final class ReadmeSnippets {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));
  private static final Path README = BASE.toAbsolutePath().getParent().resolve("README.md");

  private ReadmeSnippets() {}

  /**
   * Asserts that the lines between {@code // README: marker} and {@code // README: end} in the
   * test class {@code testClass} (its source under {@code src/test/java/dev/stria}), unindented
   * by four, stand in the README as a Java block.
   */
  static void assertReadmeShows(String testClass, String marker) throws IOException {
    Path source = BASE.resolve("src/test/java/dev/stria/" + testClass + ".java");
    Matcher block = Pattern.compile("// README: " + marker + "\\n(.*?)\\n\\s*// README: end",
        Pattern.DOTALL).matcher(Files.readString(source));
    assertThat(block.find()).isTrue();
    String snippet = block.group(1).lines()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    assertThat(Files.readString(README)).contains("```java\n" + snippet + "\n```");
  }
}
