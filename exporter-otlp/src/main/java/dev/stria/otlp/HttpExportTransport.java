package dev.stria.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One OTLP/HTTP POST with {@link HttpClient}: content type per protocol, optional gzip, the
 * configured headers, a connect timeout on the client and a request timeout per attempt. {@code
 * https} endpoints use the JDK's default trust store ({@code javax.net.ssl.trustStore} to change
 * it), or the builder's {@code sslContext}. Plain {@code http} is spoken as HTTP/1.1 (no h2c upgrade); {@code https} negotiates HTTP/2
 * when the server offers it.
 */
final class HttpExportTransport {
  /** What the server answered. */
  record Response(int status, String retryAfter, String contentType, byte[] body) {}

  private final URI endpoint;
  private final OtlpProtocol protocol;
  private final Map<String, String> headers;
  private final boolean gzip;
  private final HttpClient client;

  HttpExportTransport(URI endpoint, OtlpProtocol protocol, Map<String, String> headers,
      boolean gzip, Duration connectTimeout, javax.net.ssl.SSLContext sslContext) {
    this.endpoint = endpoint;
    this.protocol = protocol;
    this.headers = Map.copyOf(headers);
    this.gzip = gzip;
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (sslContext != null) {
      client.sslContext(sslContext);
    }
    this.client = client.build();
    request(new byte[0], 0, 0, Duration.ofSeconds(1)); // rejects restricted header names now
  }

  URI endpoint() {
    return endpoint;
  }

  Response post(byte[] body, int offset, int length, Duration timeout)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r = client.send(request(body, offset, length, timeout),
        HttpResponse.BodyHandlers.ofByteArray());
    return new Response(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
        r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  private HttpRequest request(byte[] body, int offset, int length, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", protocol.contentType())
        .header("User-Agent", "stria-otlp/" + dev.stria.Version.STRIA);
    if (endpoint.getScheme().equalsIgnoreCase("http")) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    headers.forEach(b::header);
    if (gzip) {
      b.header("Content-Encoding", "gzip");
      b.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body, offset, length)));
    } else {
      b.POST(new ByteSlicePublisher(body, offset, length));
    }
    return b.build();
  }

  private static byte[] gzip(byte[] body, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
      z.write(body, offset, length);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // cannot happen in memory
    }
    return out.toByteArray();
  }
}
