package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemporalityPreferenceTest {

  /** The OTLP metrics exporter specification's table (gauges: no temporality, read cumulative). */
  @ParameterizedTest
  @CsvSource({
      "cumulative, COUNTER, CUMULATIVE", "cumulative, UP_DOWN_COUNTER, CUMULATIVE",
      "cumulative, HISTOGRAM, CUMULATIVE", "cumulative, EXPONENTIAL_HISTOGRAM, CUMULATIVE",
      "cumulative, GAUGE, CUMULATIVE",
      "delta, COUNTER, DELTA", "delta, UP_DOWN_COUNTER, CUMULATIVE", "delta, HISTOGRAM, DELTA",
      "delta, EXPONENTIAL_HISTOGRAM, DELTA", "delta, GAUGE, CUMULATIVE",
      "LowMemory, COUNTER, DELTA", "lowmemory, UP_DOWN_COUNTER, CUMULATIVE",
      "lowmemory, HISTOGRAM, DELTA", "lowmemory, EXPONENTIAL_HISTOGRAM, DELTA",
      "lowmemory, GAUGE, CUMULATIVE"})
  void preferenceMapsEachInstrumentKindAsTheSpecificationSays(String preference, MetricType type,
      Temporality expected) {
    assertThat(TemporalityPreference.parse(preference).selector().temporalityFor(type))
        .isEqualTo(expected);
  }

  /** Callback counters are the specification's asynchronous ones: lowmemory keeps them whole. */
  @ParameterizedTest
  @CsvSource({
      "cumulative, COUNTER, CUMULATIVE", "delta, COUNTER, DELTA", "lowmemory, COUNTER, CUMULATIVE",
      "cumulative, GAUGE, CUMULATIVE", "delta, GAUGE, CUMULATIVE", "lowmemory, GAUGE, CUMULATIVE"})
  void callbackInstrumentsFollowTheAsynchronousColumns(String preference, MetricType type,
      Temporality expected) {
    assertThat(TemporalityPreference.parse(preference).selector().temporalityForCallback(type))
        .isEqualTo(expected);
  }
}
