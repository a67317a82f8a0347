package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.Registration;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import org.junit.jupiter.api.Test;

/** The README's "JVM metrics in one line" snippet, as written there. */
class ReadmeSnippetTest {

  @Test
  void oneLineRegistersTheJvmMetricsAndCloseUnregistersThem() {
    MeterRegistry registry = new MeterRegistry();
    Registration jvm = JvmMetrics.register(registry);   // jvm.close() unregisters them

    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThat(reader.collect()).extracting(MetricSnapshot::name)
        .contains("jvm.memory.used", "jvm.thread.count", "jvm.class.loaded", "jvm.cpu.time",
            "process.start_time");
    jvm.close();
    assertThat(reader.collect()).extracting(MetricSnapshot::name)
        .doesNotContain("jvm.memory.used", "process.start_time");
  }
}
