package dev.stria.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a server of the test on 127.0.0.1, the body read whole. */
final class LoopbackHttp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private LoopbackHttp() {}

  /** {@code method path} on {@code port} with the given header names and values, no body. */
  static HttpResponse<byte[]> send(int port, String method, String path, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path))
          .method(method, HttpRequest.BodyPublishers.noBody());
      if (headers.length > 0) {
        request.headers(headers);
      }
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
