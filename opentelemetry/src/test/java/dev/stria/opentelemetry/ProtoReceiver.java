package dev.stria.opentelemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A loopback OTLP/HTTP receiver that decodes every protobuf request with the official
 * definitions and answers 200.
 */
final class ProtoReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();

  ProtoReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/metrics", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
  }

  List<ExportMetricsServiceRequest> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      received.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      byte[] ok = new byte[0];
      exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
