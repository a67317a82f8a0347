package dev.stria.examples;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A checkout service that knows only {@code opentelemetry-api}: it is handed an {@link
 * OpenTelemetry} and never names Stria, as a library instrumented for OpenTelemetry is. One
 * worker thread places orders (a short random sleep each) under the meter {@code
 * com.example.checkout} version {@code 1.0.0}:
 *
 * <ul>
 *   <li>counter {@code orders.placed} by {@code order.tier} (string), {@code order.express}
 *       (boolean) and {@code http.response.status_code} (long): Prometheus {@code
 *       orders_placed_total};
 *   <li>histogram {@code http.server.request.duration} in seconds with bucket advice: {@code
 *       http_server_request_duration_seconds};
 *   <li>up-down counter {@code http.server.active_requests}, and the observable gauge {@code
 *       orders.backlog}, read by a callback when collected.
 * </ul>
 *
 * <p>The attribute sets are built once, as the API's documentation advises for hot paths.
 */
final class CheckoutService implements AutoCloseable {
  static final String SCOPE = "com.example.checkout";
  static final String ORDERS = "orders.placed";
  static final String DURATION = "http.server.request.duration";

  private static final List<Attributes> OUTCOMES = List.of(
      Attributes.of(stringKey("order.tier"), "gold", booleanKey("order.express"), true,
          longKey("http.response.status_code"), 200L),
      Attributes.of(stringKey("order.tier"), "standard", booleanKey("order.express"), false,
          longKey("http.response.status_code"), 200L),
      Attributes.of(stringKey("order.tier"), "standard", booleanKey("order.express"), false,
          longKey("http.response.status_code"), 500L));
  private static final Attributes ROUTE = Attributes.of(stringKey("http.route"), "/checkout");

  private final LongCounter orders;
  private final DoubleHistogram duration;
  private final LongUpDownCounter active;
  private final AtomicLong placed = new AtomicLong();
  private final Thread worker;
  private volatile boolean running = true;

  /** Creates the instruments from {@code openTelemetry} and starts the worker thread. */
  CheckoutService(OpenTelemetry openTelemetry) {
    Meter meter = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion("1.0.0").build();
    orders = meter.counterBuilder(ORDERS).setUnit("{order}")
        .setDescription("Orders placed, by tier, delivery and outcome").build();
    duration = meter.histogramBuilder(DURATION).setUnit("s")
        .setDescription("Time to handle a checkout request")
        .setExplicitBucketBoundariesAdvice(List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05))
        .build();
    active = meter.upDownCounterBuilder("http.server.active_requests").setUnit("{request}")
        .build();
    meter.gaugeBuilder("orders.backlog").ofLongs().setUnit("{order}")
        .buildWithCallback(out -> out.record(placed.get() % 7));
    worker = new Thread(this::placeOrders, "checkout-worker");
    worker.setDaemon(true);
    worker.start();
  }

  private void placeOrders() {
    SplittableRandom random = new SplittableRandom(42);
    while (running) {
      long start = System.nanoTime();
      active.add(1, ROUTE);
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500 + random.nextInt(3000)));
      int outcome = random.nextInt(100);
      orders.add(1, OUTCOMES.get(outcome < 30 ? 0 : outcome < 98 ? 1 : 2));
      active.add(-1, ROUTE);
      duration.record((System.nanoTime() - start) / 1e9, ROUTE);
      placed.incrementAndGet();
    }
  }

  /** Orders placed so far. */
  long placed() {
    return placed.get();
  }

  /** Stops the worker and waits for it. */
  @Override
  public void close() {
    running = false;
    try {
      worker.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
