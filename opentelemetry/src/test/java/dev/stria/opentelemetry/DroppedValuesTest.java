package dev.stria.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.HistogramPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.PointSnapshot;
import dev.stria.snapshot.Temporality;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.metrics.BoundDoubleCounter;
import io.opentelemetry.api.incubator.metrics.BoundDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.BoundLongCounter;
import io.opentelemetry.api.incubator.metrics.ExtendedDoubleHistogram;
import io.opentelemetry.api.incubator.metrics.ExtendedLongCounter;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bridge drops, bound or not: a negative increment or histogram value is recorded
 * nowhere and warned about once per instrument, never thrown; whole increments of every size
 * that are not negative are recorded exactly, on either side of the series' fast-path bound
 * ({@link BridgeCounter#SMALL_BITS}). Each test names its own instruments: warnings are once per
 * instrument name for the whole JVM.
 */
class DroppedValuesTest {
  private static final Attributes GOLD = Attributes.of(stringKey("tier"), "gold");
  private static final Logger BRIDGE_LOG = Logger.getLogger("dev.stria.opentelemetry");

  private final MeterRegistry registry = new MeterRegistry();
  private final MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
  private final Meter meter = StriaMeterProvider.create(registry).get("lib");
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureWarnings() {
    BRIDGE_LOG.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    BRIDGE_LOG.removeHandler(capture);
  }

  @Test
  void negativeBoundIncrementsAreDroppedWithOneWarningAndNothingRecorded() {
    BoundLongCounter bound =
        ((ExtendedLongCounter) meter.counterBuilder("bound.negative").build()).bind(GOLD);
    bound.add(-1);
    bound.add(Long.MIN_VALUE);
    bound.add(-(1L << 40));
    ((BoundDoubleCounter) bound).add(-0.5);
    ((BoundDoubleCounter) bound).add(Double.NaN);
    ((BoundDoubleCounter) bound).add(Double.POSITIVE_INFINITY);

    assertThat(counterValue("bound.negative")).isEqualTo(0.0);
    assertThat(messages()).hasSize(1).allMatch(m -> m.contains("'bound.negative'"));
  }

  @Test
  void boundWholeIncrementsOfEverySizeAreRecordedExactly() {
    BoundLongCounter bound =
        ((ExtendedLongCounter) meter.counterBuilder("bound.sizes").build()).bind(GOLD);
    bound.add(0);
    bound.add(3);
    bound.add((1L << 32) - 1);  // the largest the series' fast path takes
    bound.add(1L << 32);        // the smallest it keeps as a double
    bound.add(1L << 40);

    assertThat(counterValue("bound.sizes"))
        .isEqualTo(3.0 + ((1L << 32) - 1) + (1L << 32) + (1L << 40));
    assertThat(warnings).isEmpty();
  }

  @Test
  void unboundCountersDropAndRecordAsBoundOnes() {
    LongCounter counter = meter.counterBuilder("unbound.sizes").build();
    counter.add(-1, GOLD);
    counter.add(Long.MIN_VALUE, GOLD);
    counter.add(5, GOLD);
    counter.add(1L << 40, GOLD);

    assertThat(counterValue("unbound.sizes")).isEqualTo(5.0 + (1L << 40));
    assertThat(messages()).hasSize(1).allMatch(m -> m.contains("'unbound.sizes'"));
  }

  @Test
  void negativeBoundHistogramValuesAreDroppedWithOneWarningAndNothingRecorded() {
    BoundDoubleHistogram bound =
        ((ExtendedDoubleHistogram) meter.histogramBuilder("bound.latency").build()).bind(GOLD);
    bound.record(-1.0);
    bound.record(-0.001);
    bound.record(Double.NEGATIVE_INFINITY);
    bound.record(Double.NaN);      // not negative: the series counts it as dropped, silently
    bound.record(2.0);

    HistogramPoint point = (HistogramPoint) only("bound.latency").points().get(0);
    assertThat(point.count()).isEqualTo(1);
    assertThat(point.sum()).isEqualTo(2.0);
    assertThat(messages()).hasSize(1).allMatch(m -> m.contains("'bound.latency'"));
  }

  /**
   * An unbound instrument checks the value before it looks the series up, as the SDK does: an
   * attribute set that only ever got dropped values has no series, so it exports no point.
   */
  @Test
  void aDroppedUnboundValueCreatesNoSeries() {
    Attributes silver = Attributes.of(stringKey("tier"), "silver");
    LongCounter orders = meter.counterBuilder("dropped.orders").build();
    DoubleUpDownCounter queued = meter.upDownCounterBuilder("dropped.queued").ofDoubles().build();
    DoubleHistogram latency = meter.histogramBuilder("dropped.latency").build();
    orders.add(-1, silver);
    ((DoubleCounter) orders).add(Double.NaN, silver);
    queued.add(Double.POSITIVE_INFINITY, silver);
    latency.record(-1, silver);
    orders.add(1, GOLD);
    queued.add(1, GOLD);
    latency.record(1, GOLD);

    List<MetricSnapshot> batch = reader.collect();
    for (String name : List.of("dropped.orders", "dropped.queued", "dropped.latency")) {
      assertThat(batch.stream().filter(m -> m.name().equals(name))
          .flatMap(m -> m.points().stream()).map(p -> p.labels().get("tier")))
          .as(name).containsExactly("gold");
    }
  }

  private List<String> messages() {
    return warnings.stream().map(LogRecord::getMessage).toList();
  }

  private double counterValue(String name) {
    List<PointSnapshot> points = only(name).points();
    assertThat(points).hasSize(1);
    return ((CounterPoint) points.get(0)).value();
  }

  private MetricSnapshot only(String name) {
    List<MetricSnapshot> found = reader.collect().stream()
        .filter(m -> m.name().equals(name)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
