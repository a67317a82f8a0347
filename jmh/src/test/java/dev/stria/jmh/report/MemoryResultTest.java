package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.jmh.memory.SeriesMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryResultTest {
  @Test
  void readsWhatTheMemoryProgramWrites() {
    String json = SeriesMemory.toJson(10_000, 3, List.of(
        new SeriesMemory.Result("striaExplicit", "histogram", 1, 10_000, 812.5,
            new double[] {800.0, 812.5, 830.0}),
        new SeriesMemory.Result("striaExplicit", "histogram", 4, 10_000, 1_400.0,
            new double[] {1_400.0}),
        new SeriesMemory.Result("hdrRecorder", "histogram", 1, 100, 271_092.0,
            new double[] {271_092.0})));

    assertThat(MemoryResult.parse(json)).containsExactly(
        new MemoryResult("striaExplicit", "histogram", 1, 10_000, 812.5),
        new MemoryResult("striaExplicit", "histogram", 4, 10_000, 1_400.0),
        new MemoryResult("hdrRecorder", "histogram", 1, 100, 271_092.0));
  }

  @Test
  void aFileWithoutWritersIsFromOneWriter() {
    String json = "{\"results\": [{\"library\": \"stria\", \"kind\": \"counter\", "
        + "\"series\": 10000, \"bytesPerSeries\": 90.0, \"trials\": [90.0]}]}";

    assertThat(MemoryResult.parse(json))
        .containsExactly(new MemoryResult("stria", "counter", 1, 10_000, 90.0));
  }
}
