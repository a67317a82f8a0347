package dev.stria.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.httpserver.HttpExchangeAdapter;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code /metrics} handler. A protobuf scrape, the format Prometheus asks for when it stores
 * native histograms, is written by {@link ProtobufFormatWriter}; every other request (text 0.0.4,
 * OpenMetrics, {@code ?debug=...}) goes to client_java's own {@code MetricsHandler}. Both paths
 * scrape the same registry the same way: the {@code name[]} filter, the request handed to the
 * collectors, the escaping scheme of the {@code Accept} header, gzip when the client accepts it,
 * a {@code Content-Length} also for {@code HEAD}, and an error while scraping answered with a 500
 * (client_java's exchange adapter, so both paths answer errors alike).
 */
final class MetricsEndpoint implements HttpHandler {
  private final PrometheusRegistry registry;
  private final ProtobufFormatWriter protobuf = new ProtobufFormatWriter();
  private final HttpHandler otherFormats;

  MetricsEndpoint(PrometheusProperties properties, PrometheusRegistry registry) {
    this.registry = registry;
    this.otherFormats = new MetricsHandler(properties, registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpExchangeAdapter adapter = new HttpExchangeAdapter(exchange);
    String accept = adapter.getRequest().getHeader("Accept");
    if (!protobuf.accepts(accept) || adapter.getRequest().getParameter("debug") != null) {
      otherFormats.handle(exchange);
      return;
    }
    try {
      serveProtobuf(adapter, EscapingScheme.fromAcceptHeader(accept));
    } catch (IOException e) {
      adapter.handleException(e);
    } catch (RuntimeException e) {
      adapter.handleException(e);
    } finally {
      adapter.close();
    }
  }

  private void serveProtobuf(HttpExchangeAdapter exchange, EscapingScheme scheme)
      throws IOException {
    PrometheusHttpRequest request = exchange.getRequest();
    ProtobufScrapeEncoder encoder = protobuf.encode(scrape(request), scheme);
    int size = encoder.size();
    PrometheusHttpResponse response = exchange.getResponse();
    response.setHeader("Content-Type", protobuf.getContentType());
    if (acceptsGzip(request)) {
      response.setHeader("Content-Encoding", "gzip");
      try (OutputStream body = new GZIPOutputStream(response.sendHeadersAndGetBody(200, 0))) {
        encoder.writeTo(body);
      }
      return;
    }
    if (size > 0) {
      response.setHeader("Content-Length", String.valueOf(size));
    }
    if (request.getMethod().equals("HEAD")) {
      response.sendHeadersAndGetBody(200, -1); // no body; closing it would throw
    } else {
      try (OutputStream body = response.sendHeadersAndGetBody(200, size)) {
        encoder.writeTo(body);
      }
    }
  }

  /** The registry's scrape, narrowed to the {@code name[]} parameters when there are any. */
  private MetricSnapshots scrape(PrometheusHttpRequest request) {
    String[] names = request.getParameterValues("name[]");
    if (names == null || names.length == 0) {
      return registry.scrape(request);
    }
    return registry.scrape(MetricNameFilter.builder().nameMustBeEqualTo(names).build(), request);
  }

  private static boolean acceptsGzip(PrometheusHttpRequest request) {
    Enumeration<String> headers = request.getHeaders("Accept-Encoding");
    while (headers != null && headers.hasMoreElements()) {
      for (String encoding : headers.nextElement().split(",")) {
        if (encoding.trim().equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }
}
