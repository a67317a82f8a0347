package dev.stria.modular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published library modules of the build: the parent's modules that ship a {@code
 * module-info.java}, other than this test module. Read from the sources, so a module added
 * tomorrow is checked without editing a list.
 */
final class LibraryModules {
  record Library(String directory, String artifactId, Path sources) {}

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT_ID =
      Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

  private LibraryModules() {}

  /** The project root: the directory above this module. */
  static Path root() {
    return Path.of("").toAbsolutePath().getParent();
  }

  static List<Library> all() throws IOException {
    List<Library> libraries = new ArrayList<>();
    Matcher modules = MODULE.matcher(Files.readString(root().resolve("pom.xml")));
    while (modules.find()) {
      String directory = modules.group(1).trim();
      Path sources = root().resolve(directory).resolve("src/main/java");
      if (directory.equals("packaging-tests")
          || !Files.exists(sources.resolve("module-info.java"))) {
        continue;
      }
      Matcher artifact = ARTIFACT_ID.matcher(
          Files.readString(root().resolve(directory).resolve("pom.xml")));
      if (!artifact.find()) {
        throw new AssertionError(directory + "/pom.xml has no artifactId after its parent");
      }
      libraries.add(new Library(directory, artifact.group(1), sources));
    }
    return libraries;
  }
}
