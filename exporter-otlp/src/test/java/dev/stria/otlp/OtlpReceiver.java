package dev.stria.otlp;

import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A loopback OTLP/HTTP receiver for tests: decodes every request with the official definitions
 * (protobuf or JSON, gzip or not) and answers from a script of faults, then 200.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One scripted answer. {@code delayMillis} before answering; a delayed answer is not kept. */
  record Reply(int status, String retryAfter, String contentType, byte[] body, long delayMillis) {
    static Reply status(int status) {
      return new Reply(status, null, "text/plain", new byte[0], 0);
    }

    static Reply slow(long delayMillis) {
      return new Reply(200, null, "application/x-protobuf", new byte[0], delayMillis);
    }
  }

  /** What arrived: the decoded request, its headers, the time it arrived and what was answered. */
  record Received(ExportMetricsServiceRequest request, Map<String, List<String>> headers,
      long nanoTime, int status, boolean kept) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    this(0);
  }

  OtlpReceiver(int port) throws IOException {
    this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
  }

  /** An https receiver presenting the key in {@code tls}. */
  static OtlpReceiver https(javax.net.ssl.SSLContext tls) throws IOException {
    com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    return new OtlpReceiver(server);
  }

  private OtlpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/v1/metrics", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "otlp-receiver");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String endpoint() {
    String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + port() + "/v1/metrics";
  }

  OtlpReceiver then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  List<Received> received() {
    return received;
  }

  /** Requests that were answered 2xx without delay: what a real receiver would have stored. */
  List<ExportMetricsServiceRequest> kept() {
    List<ExportMetricsServiceRequest> out = new ArrayList<>();
    for (Received r : received) {
      if (r.kept()) {
        out.add(r.request());
      }
    }
    return out;
  }

  /** All number points of metric {@code name} in kept requests, in arrival order. */
  List<NumberDataPoint> numberPoints(String name) {
    List<NumberDataPoint> out = new ArrayList<>();
    for (Metric m : metrics(name)) {
      out.addAll(m.hasSum() ? m.getSum().getDataPointsList() : m.getGauge().getDataPointsList());
    }
    return out;
  }

  List<Metric> metrics(String name) {
    List<Metric> out = new ArrayList<>();
    for (ExportMetricsServiceRequest req : kept()) {
      for (ResourceMetrics rm : req.getResourceMetricsList()) {
        for (ScopeMetrics sm : rm.getScopeMetricsList()) {
          for (Metric m : sm.getMetricsList()) {
            if (m.getName().equals(name)) {
              out.add(m);
            }
          }
        }
      }
    }
    return out;
  }

  /** The sum of every delta point of counter {@code name}: the total a delta backend holds. */
  double deltaTotal(String name) {
    double total = 0;
    for (NumberDataPoint p : numberPoints(name)) {
      total += p.getAsDouble();
    }
    return total;
  }

  /** The last cumulative value of {@code name}: the total a cumulative backend holds. */
  double lastValue(String name) {
    List<NumberDataPoint> points = numberPoints(name);
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).getAsDouble();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      InputStream in = new ByteArrayInputStream(raw);
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      byte[] body = in.readAllBytes();
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      ExportMetricsServiceRequest request;
      if ("application/json".equals(type)) {
        ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
        JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), b);
        request = b.build();
      } else {
        request = ExportMetricsServiceRequest.parseFrom(body);
      }
      Reply reply = script.poll();
      if (reply == null) {
        reply = Reply.status(200);
      }
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      boolean kept = reply.status() / 100 == 2 && reply.delayMillis() == 0;
      received.add(new Received(request, Map.copyOf(exchange.getRequestHeaders()), arrived,
          reply.status(), kept));
      if (reply.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
      }
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        exchange.getResponseBody().write(reply.body());
      }
    } catch (IOException | RuntimeException e) {
      // the client may have timed out and gone
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
