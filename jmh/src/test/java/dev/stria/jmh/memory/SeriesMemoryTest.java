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

  @Test
  void moreWritersEachRecordOnceIntoEverySeriesFromTheirOwnThreads() throws Exception {
    java.util.Map<String, java.util.Set<String>> writersPerSeries =
        new java.util.concurrent.ConcurrentHashMap<>();
    SeriesMemory.Fixture fixture = labelValue -> writersPerSeries
        .computeIfAbsent(labelValue, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
        .add(Thread.currentThread().getName());
    String[] labels = {"/a", "/b", "/c"};

    SeriesMemory.recordFromMoreThreads(fixture, labels, SeriesMemory.MANY_WRITERS - 1);

    assertThat(writersPerSeries).containsOnlyKeys(labels);
    assertThat(writersPerSeries.values())
        .allSatisfy(writers -> assertThat(writers).hasSize(SeriesMemory.MANY_WRITERS - 1)
            .doesNotContain(Thread.currentThread().getName()));
  }

  @Test
  void everySubjectIsMeasuredWithOneWriterAndWithFour() throws Exception {
    List<SeriesMemory.Subject> one = SeriesMemory.subjects().stream()
        .filter(subject -> subject.library().equals("floorLongAdder"))
        .toList();

    List<SeriesMemory.Result> results = SeriesMemory.measureAll(one, 100, 1);

    assertThat(results).extracting(SeriesMemory.Result::writers)
        .containsExactly(1, SeriesMemory.MANY_WRITERS);
  }
}
