package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.jmh.memory.SeriesMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryResultTest {
  @Test
  void readsWhatTheMemoryProgramWrites() {
    String json = SeriesMemory.toJson(10_000, 3, List.of(
        new SeriesMemory.Result("striaExplicit", "histogram", 10_000, 812.5,
            new double[] {800.0, 812.5, 830.0}),
        new SeriesMemory.Result("hdrRecorder", "histogram", 100, 271_092.0,
            new double[] {271_092.0})));

    assertThat(MemoryResult.parse(json)).containsExactly(
        new MemoryResult("striaExplicit", "histogram", 10_000, 812.5),
        new MemoryResult("hdrRecorder", "histogram", 100, 271_092.0));
  }
}
