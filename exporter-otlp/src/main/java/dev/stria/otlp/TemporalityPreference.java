package dev.stria.otlp;

import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.Locale;

/**
 * The OpenTelemetry temporality preferences ({@code
 * OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE}), mapped per instrument kind as the OTLP
 * metrics exporter specification defines them:
 *
 * <table>
 *   <caption>temporality per instrument kind</caption>
 *   <tr><th>preference</th><th>counter</th><th>callback counter</th><th>histogram</th>
 *       <th>up-down counter</th><th>gauge</th></tr>
 *   <tr><td>cumulative (default)</td><td>cumulative</td><td>cumulative</td><td>cumulative</td>
 *       <td>cumulative</td><td>cumulative</td></tr>
 *   <tr><td>delta</td><td>delta</td><td>delta</td><td>delta</td><td>cumulative</td>
 *       <td>cumulative</td></tr>
 *   <tr><td>lowmemory</td><td>delta</td><td>cumulative</td><td>delta</td><td>cumulative</td>
 *       <td>cumulative</td></tr>
 * </table>
 *
 * <p>Histograms of both kinds (explicit and exponential) follow the histogram column. A callback
 * counter ({@code counter(..).callback(..)}) is the specification's asynchronous counter:
 * {@code delta} and {@code lowmemory} differ only there ({@link #temporalityForCallback}).
 * Gauges have no temporality in OTLP; Stria reads them cumulatively so a gauge that did not
 * change is still reported.
 *
 * <pre>{@code
 * OtlpExporter.builder().registry(registry)
 *     .temporalityPreference(TemporalityPreference.DELTA)   // default CUMULATIVE
 *     .start();
 * }</pre>
 */
public enum TemporalityPreference implements TemporalitySelector {
  /** Everything cumulative. */
  CUMULATIVE,
  /** Counters (also callback counters) and histograms as deltas; up-down counters cumulative. */
  DELTA,
  /** Counters and histograms as deltas; callback counters and up-down counters cumulative. */
  LOWMEMORY;

  /** The temporality this preference gives a recorded instrument of {@code type}. */
  @Override
  public Temporality temporalityFor(MetricType type) {
    if (this == CUMULATIVE) {
      return Temporality.CUMULATIVE;
    }
    return switch (type) {
      case COUNTER, HISTOGRAM, EXPONENTIAL_HISTOGRAM -> Temporality.DELTA;
      case UP_DOWN_COUNTER, GAUGE -> Temporality.CUMULATIVE;
    };
  }

  /** The temporality this preference gives an instrument of {@code type} read from a callback. */
  @Override
  public Temporality temporalityForCallback(MetricType type) {
    if (this == LOWMEMORY && type == MetricType.COUNTER) {
      return Temporality.CUMULATIVE;
    }
    return temporalityFor(type);
  }

  /** This preference as a reader's selector. */
  public TemporalitySelector selector() {
    return this;
  }

  /**
   * Parses the specification's values, case-insensitively: {@code cumulative}, {@code delta},
   * {@code lowmemory}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static TemporalityPreference parse(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "cumulative":
        return CUMULATIVE;
      case "delta":
        return DELTA;
      case "lowmemory":
        return LOWMEMORY;
      default:
        throw new IllegalArgumentException("temporality preference '" + value
            + "' is invalid: it must be one of cumulative, delta, lowmemory");
    }
  }
}
