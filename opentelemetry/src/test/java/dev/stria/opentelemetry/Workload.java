package dev.stria.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanArrayKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleArrayKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleUpDownCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Instrumented code that knows only the OpenTelemetry API: a batch job (two meters, every
 * instrument kind, typed attributes, bucket advice, callbacks with attributes) recording in two
 * phases, so that delta exports see changes, new series and unchanged ones.
 */
final class Workload {
  static final Attributes GOLD = Attributes.of(stringKey("tier"), "gold", longKey("shard"), 3L);
  static final Attributes SILVER = Attributes.builder()
      .put(stringKey("tier"), "silver")
      .put(booleanKey("retry"), true)
      .put(doubleKey("weight"), 0.5)
      .build();
  static final Attributes ARRAYS = Attributes.builder()
      .put(stringArrayKey("tags"), List.of("a", "b\"c"))
      .put(longArrayKey("ids"), List.of(1L, 2L))
      .put(doubleArrayKey("ratios"), List.of(0.25, 1.5))
      .put(booleanArrayKey("flags"), List.of(true, false))
      .build();

  private final LongCounter orders;
  private final DoubleCounter revenue;
  private final LongUpDownCounter queued;
  private final DoubleUpDownCounter balance;
  private final DoubleHistogram latency;
  private final LongHistogram sizes;
  private final DoubleGauge temperature;
  private final LongGauge threads;
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong pool = new AtomicLong(8);

  Workload(MeterProvider provider) {
    Meter jobs = provider.meterBuilder("com.example.jobs").setInstrumentationVersion("1.4.0")
        .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0").build();
    Meter http = provider.get("com.example.http");
    orders = jobs.counterBuilder("orders.processed").setDescription("Orders handled")
        .setUnit("{order}").build();
    revenue = jobs.counterBuilder("orders.revenue").ofDoubles().setUnit("USD").build();
    queued = jobs.upDownCounterBuilder("jobs.queued").build();
    balance = jobs.upDownCounterBuilder("account.balance").ofDoubles().setUnit("USD").build();
    latency = http.histogramBuilder("http.server.request.duration").setUnit("s")
        .setDescription("Request latency")
        .setExplicitBucketBoundariesAdvice(List.of(0.01, 0.05, 0.1, 0.5, 1.0)).build();
    sizes = http.histogramBuilder("http.server.request.body.size").ofLongs().setUnit("By")
        .build();
    temperature = jobs.gaugeBuilder("machine.temperature").setUnit("Cel").build();
    threads = jobs.gaugeBuilder("worker.threads").ofLongs().build();
    jobs.counterBuilder("items.read").buildWithCallback(
        out -> out.record(processed.get() * 10, GOLD));
    jobs.upDownCounterBuilder("pool.size").ofDoubles().buildWithCallback(
        out -> out.record(pool.get() / 2.0, SILVER));
    jobs.gaugeBuilder("heap.ratio").buildWithCallback(out -> {
      out.record(0.75, Attributes.of(stringKey("pool"), "eden"));
      out.record(0.25, Attributes.of(stringKey("pool"), "old"));
    });
    ObservableLongMeasurement connections =
        http.upDownCounterBuilder("http.connections").buildObserver();
    ObservableDoubleMeasurement load = http.gaugeBuilder("system.load").buildObserver();
    http.batchCallback(() -> {
      connections.record(pool.get(), Attributes.of(stringKey("state"), "open"));
      load.record(1.5);
    }, connections, load);
  }

  /** The first phase: every instrument, every attribute type. */
  void first() {
    orders.add(3, GOLD);
    orders.add(2, SILVER);
    orders.add(1, ARRAYS);
    orders.add(4);
    revenue.add(19.99, GOLD);
    revenue.add(5.01, GOLD);
    queued.add(5, SILVER);
    queued.add(-2, SILVER);
    balance.add(-12.5, GOLD);
    for (double v : new double[] {0.003, 0.04, 0.07, 0.3, 0.3, 2.5}) {
      latency.record(v, GOLD);
    }
    latency.record(0.2, SILVER);
    sizes.record(120, ARRAYS);
    sizes.record(4000, ARRAYS);
    sizes.record(0);
    temperature.set(21.5, GOLD);
    threads.set(16, SILVER);
    processed.set(4);
  }

  /** The second phase: more of some series, a new one, others unchanged. */
  void second() {
    orders.add(5, GOLD);
    orders.add(7, Attributes.of(stringKey("tier"), "bronze"));
    revenue.add(1.5, GOLD);
    queued.add(-1, SILVER);
    latency.record(0.09, GOLD);
    latency.record(12, SILVER);
    sizes.record(64, ARRAYS);
    temperature.set(22.0, GOLD);
    threads.set(12, SILVER);
    processed.set(9);
    pool.set(6);
  }
}
