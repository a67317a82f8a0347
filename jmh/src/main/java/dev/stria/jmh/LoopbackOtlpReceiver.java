package dev.stria.jmh;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 that reads each request body and answers 200 with an empty
 * body, so exporter benchmarks measure the client side: encoding, HTTP and the response.
 */
final class LoopbackOtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "loopback-otlp-receiver");
    t.setDaemon(true);
    return t;
  });
  final AtomicLong requests = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();

  LoopbackOtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/metrics", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        for (int r; (r = in.read(buf)) >= 0; ) {
          n += r;
        }
        bytes.addAndGet(n);
        requests.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
