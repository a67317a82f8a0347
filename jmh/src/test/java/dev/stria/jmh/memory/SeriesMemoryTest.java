package dev.stria.jmh.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesMemoryTest {
  @Test
  void medianOfAnOddNumberOfTrialsIsTheMiddleOne() {
    assertThat(SeriesMemory.median(new double[] {300, 100, 200})).isEqualTo(200);
  }

  @Test
  void medianOfAnEvenNumberOfTrialsIsTheMeanOfTheMiddleTwo() {
    assertThat(SeriesMemory.median(new double[] {400, 100, 300, 200})).isEqualTo(250);
  }

  @Test
  void everyLibraryIsMeasuredForHistogramsAndCounters() {
    List<String> names = SeriesMemory.subjects().stream()
        .map(subject -> subject.kind() + ":" + subject.library())
        .toList();

    assertThat(names).contains(
        "counter:stria", "counter:prometheus", "counter:otel", "counter:micrometer",
        "counter:dropwizard", "histogram:striaExplicit", "histogram:striaExponential",
        "histogram:prometheusClassicOnly", "histogram:prometheusNativeOnly",
        "histogram:prometheusClassicAndNative", "histogram:otelExplicit",
        "histogram:otelExponential", "histogram:micrometer", "histogram:dropwizard",
        "histogram:hdrRecorder");
  }
}
