package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.core.internal.BucketBounds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exemplars without OpenTelemetry, in child JVMs whose class loading is logged: with the API
 * absent they still work by hand, and with them off no OpenTelemetry class is ever loaded.
 */
class OpenTelemetryAbsenceTest {

  @Test
  void withoutTheApiExemplarsComeOnlyByHandAndNothingOfItIsLoaded() throws Exception {
    String out = runChild("on", false);

    assertThat(out).contains("exemplars=1").doesNotContain("io.opentelemetry");
  }

  @Test
  void withExemplarsOffNoOpenTelemetryClassIsLoadedThoughTheApiIsThere() throws Exception {
    String out = runChild("off", true);

    assertThat(out).contains("exemplars=0").doesNotContain("io.opentelemetry");
  }

  @Test
  void withExemplarsOnAndTheApiThereItIsLoaded() throws Exception {
    // The control: the class-loading log would show OpenTelemetry if it were loaded.
    String out = runChild("on", true);

    assertThat(out).contains("exemplars=1").contains("io.opentelemetry.api.trace.Span")
        .doesNotContain("reading the current OpenTelemetry span failed");
  }

  @Test
  void anIncompleteApiOnTheClassPathNeverFailsARecording() throws Exception {
    // opentelemetry-context needs opentelemetry-common to find its storage: left out here.
    String out = runChild("on", List.of(location(Span.class), location(Context.class)));

    assertThat(out).contains("exemplars=1")
        .containsOnlyOnce("reading the current OpenTelemetry span failed")
        .containsOnlyOnce("NoClassDefFoundError: io/opentelemetry/common/ComponentLoader");
  }

  private static String runChild(String exemplars, boolean withApi) throws Exception {
    return runChild(exemplars, withApi ? List.of(location(Span.class), location(Context.class),
        location(Class.forName("io.opentelemetry.common.ComponentLoader"))) : List.of());
  }

  private static String runChild(String exemplars, List<String> openTelemetry)
      throws Exception {
    List<String> classPath = new ArrayList<>(List.of(
        Path.of("target", "test-classes").toAbsolutePath().toString(),
        Path.of("target", "classes").toAbsolutePath().toString(),
        location(BucketBounds.class)));
    classPath.addAll(openTelemetry);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xlog:class+load=info",
        "-cp", String.join(File.pathSeparator, classPath), ExemplarChild.class.getName(),
        exemplars)
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    return out;
  }

  private static String location(Class<?> type) throws URISyntaxException, IOException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
