package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import dev.stria.snapshot.Temporality;
import org.junit.jupiter.api.Test;

/** A counter past 2^63 is still exposed, with its true (double) total. */
class HugeCounterScrapeTest {

  @Test
  void counterPastLongMaxValueIsExposedNotDropped() {
    MeterRegistry registry = MeterRegistry.builder().build();
    Counter bytes = registry.counter("bytes.moved").register();
    StriaCollector collector =
        StriaCollector.builder(registry.newReader(Temporality.CUMULATIVE)).build();
    bytes.add(Long.MAX_VALUE);
    bytes.inc();

    assertThat(Expose.text(collector))
        .contains("bytes_moved_total{otel_scope_name=\"dev.stria\"")
        .contains("} 9.223372036854776E18\n");
  }
}
