package dev.stria.examples;

import dev.stria.Counter;
import dev.stria.Gauge;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import dev.stria.Operation;
import dev.stria.Registration;
import dev.stria.Timer;
import dev.stria.jvm.JvmMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A web service without a network: a few worker threads handle a steady stream of requests on a
 * few routes, each a short random sleep that sometimes fails, instrumented the RED way.
 *
 * <ul>
 *   <li><b>Rate and errors:</b> counter {@code http.server.requests} by {@code route},
 *       {@code method} and {@code status} (Prometheus: {@code http_server_requests_total}).
 *   <li><b>Duration:</b> histogram {@code http.server.request.duration} in seconds by {@code
 *       route} and {@code method}, with explicit buckets and base-2 exponential buckets, recorded
 *       with try-with-resources timers (Prometheus: {@code
 *       http_server_request_duration_seconds}, classic and native buckets).
 *   <li><b>Saturation:</b> gauge {@code http.server.active_requests} (in flight), and the JVM and
 *       process metrics of {@link JvmMetrics} ({@code jvm.memory.used}, {@code jvm.gc.duration},
 *       {@code jvm.thread.count} ...), read only when collected.
 *   <li><b>The same requests as spans would count them:</b> each route is an {@link Operation}
 *       named like its server span ({@code GET /api/orders}) under the OpenTelemetry Collector
 *       spanmetrics connector's names: {@code traces_span_metrics_calls_total} by {@code
 *       span_name} and {@code status_code} (a 500 is {@code STATUS_CODE_ERROR}, a 404 is not: a
 *       server span fails on 5xx only), {@code traces_span_metrics_duration_milliseconds} and
 *       {@code traces_span_metrics_active}. Alert rules written for span metrics ({@code
 *       examples/prometheus/spanmetrics-rules.yml}) run on them unchanged.
 *   <li><b>Exemplars:</b> each request runs inside a simulated, sampled server span (made current
 *       with the OpenTelemetry API's {@code Span.wrap}, no tracing SDK), so the counters and
 *       histograms keep exemplars with its trace and span id: a scrape in OpenMetrics and the
 *       OTLP push carry them.
 * </ul>
 *
 * <p>Both views are kept on purpose: the HTTP metrics carry what only HTTP knows (method and
 * status code as labels), the span metrics let a team keep the queries it wrote for a tracing
 * pipeline. The rules of each view query its own metrics.
 *
 * <p>About 0.8% of requests fail with 500, which burns the error budget of a 99.9% availability
 * objective about 8 times as fast as it may: enough for the slow burn-rate alert of {@code
 * examples/prometheus/slo-rules.yml} (6x), not for the fast one (14.4x). Every route's 404 and
 * 500 series exist from the start (at 0), so error ratios are 0 rather than missing.
 */
final class SimulatedService implements AutoCloseable {
  static final String REQUESTS = "http.server.requests";
  static final String DURATION = "http.server.request.duration";
  static final String ACTIVE = "http.server.active_requests";
  /** One of the JVM metrics, for the tests. */
  static final String JVM_MEMORY = "jvm.memory.used";

  /** Latency bounds in seconds: the demo's requests take milliseconds. */
  static final double[] DURATION_BUCKETS = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};

  private final List<Route> routes;
  private final Gauge active;
  private final Registration jvm;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong handled = new AtomicLong();
  private volatile boolean running = true;

  /** Registers the instruments and starts {@code workerCount} daemon threads of load. */
  SimulatedService(MeterRegistry registry, int workerCount) {
    Counter requests = registry.counter(REQUESTS).unit("1")
        .description("HTTP requests handled, by route, method and status code")
        .labelNames("route", "method", "status").register();
    Histogram duration = registry.histogram(DURATION).unit("s")
        .description("Time to handle an HTTP request")
        .buckets(DURATION_BUCKETS).exponential()
        .labelNames("route", "method").register();
    active = registry.gauge(ACTIVE).unit("{request}")
        .description("HTTP requests being handled right now").register();
    jvm = JvmMetrics.register(registry);
    //          route                method  weight  ms..ms  error  not found
    routes = List.of(
        new Route("/api/orders", "GET", 50, 2, 20, 0.005, 0.0, requests, duration, registry),
        new Route("/api/orders", "POST", 20, 5, 40, 0.02, 0.0, requests, duration, registry),
        new Route("/api/orders/{id}", "GET", 25, 1, 10, 0.005, 0.05, requests, duration,
            registry),
        new Route("/health", "GET", 5, 0, 1, 0.0, 0.0, requests, duration, registry));
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::serve, "simulated-request-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Requests handled so far. */
  long handled() {
    return handled.get();
  }

  /** Stops the workers and waits for them; unregisters the JVM metrics. */
  @Override
  public void close() {
    running = false;
    for (Thread worker : workers) {
      worker.interrupt();
      try {
        worker.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    jvm.close();
  }

  private void serve() {
    SplittableRandom random = new SplittableRandom();
    int totalWeight = routes.stream().mapToInt(Route::weight).sum();
    while (running) {
      int pick = random.nextInt(totalWeight);
      Route route = routes.get(0);
      for (Route r : routes) {
        if (pick < r.weight()) {
          route = r;
          break;
        }
        pick -= r.weight();
      }
      handle(route, random);
      handled.incrementAndGet();
      pause(random.nextInt(1, 5));   // the gap until this worker's next request
    }
  }

  @SuppressWarnings("try")   // the timer and the scope are used by closing them
  private void handle(Route route, SplittableRandom random) {
    try (Scope traced = simulatedServerSpan(random).makeCurrent()) {
      handleInSpan(route, random);
    }
  }

  /** A sampled span with fresh random ids, as a tracer would start for an incoming request. */
  private static Span simulatedServerSpan(SplittableRandom random) {
    String traceId = hex(random.nextLong() | 1) + hex(random.nextLong());
    return Span.wrap(SpanContext.create(traceId, hex(random.nextLong() | 1),
        TraceFlags.getSampled(), TraceState.getDefault()));
  }

  private static String hex(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }

  @SuppressWarnings("try")   // the timer is used by closing it
  private void handleInSpan(Route route, SplittableRandom random) {
    active.inc();
    int status;
    try (Operation.Call span = route.span().start();
         Timer timer = route.duration().startTimer()) {
      pause(random.nextInt(route.minMillis(), route.maxMillis() + 1));
      double roll = random.nextDouble();
      status = roll < route.errorRatio() ? 500
          : roll < route.errorRatio() + route.notFoundRatio() ? 404
          : Route.successStatus(route.method());
      if (status < 500) {
        span.ok();
      }
    } finally {
      active.dec();
    }
    route.requests(status).inc();
  }

  private static void pause(int millis) {
    if (millis > 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
  }

  /** One route with its bound series, looked up once so that the request path only records. */
  private record Route(String path, String method, int weight, int minMillis, int maxMillis,
      double errorRatio, double notFoundRatio, Histogram.Series duration,
      Counter.Series succeeded, Counter.Series notFound, Counter.Series failed,
      Operation.Series span) {

    Route(String path, String method, int weight, int minMillis, int maxMillis,
        double errorRatio, double notFoundRatio, Counter requests, Histogram duration,
        MeterRegistry registry) {
      this(path, method, weight, minMillis, maxMillis, errorRatio, notFoundRatio,
          duration.labels(path, method),
          requests.labels(path, method, String.valueOf(successStatus(method))),
          requests.labels(path, method, "404"), requests.labels(path, method, "500"),
          // Named as an HTTP server span is: "{method} {route}".
          registry.operation(method + " " + path).naming(Operation.Naming.SPANMETRICS).register()
              .labels());
    }

    static int successStatus(String method) {
      return method.equals("POST") ? 201 : 200;
    }

    Counter.Series requests(int status) {
      return switch (status) {
        case 404 -> notFound;
        case 500 -> failed;
        default -> succeeded;
      };
    }
  }
}
