package dev.stria.prometheus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends one request to a Pushgateway group with {@link HttpClient} and turns every way it can
 * fail into a {@link PushFailure} whose message names the cause and the URL: connection refused,
 * unknown host, connect or response timeout (with the limit), TLS, or a non-2xx status with the
 * Pushgateway's own explanation (it says which metric was inconsistent).
 */
final class PushgatewayClient {
  private static final int MAX_BODY_CHARS = 300;

  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final String authorization;

  PushgatewayClient(Duration connectTimeout, Duration timeout, SSLContext sslContext,
      String authorization) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)   // the Pushgateway speaks HTTP/1.1; no h2c upgrade
        .connectTimeout(connectTimeout);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.http = builder.build();
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.authorization = authorization;
  }

  /**
   * Sends {@code method} ({@code PUT}, {@code POST} or {@code DELETE}) to {@code url} with {@code
   * body} (null for none).
   *
   * @throws PushFailure when the Pushgateway cannot be reached or answers other than 2xx
   * @throws InterruptedIOException when the calling thread is interrupted (its flag is set again)
   */
  void send(String method, URI url, byte[] body, String contentType) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException(method + " " + url + " was interrupted");
      interrupted.initCause(e);
      throw interrupted;
    } catch (IOException e) {
      throw new PushFailure(cause(e), method, url, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      String text = response.body().strip();
      if (text.length() > MAX_BODY_CHARS) {
        text = text.substring(0, MAX_BODY_CHARS) + "...";
      }
      throw new PushFailure("HTTP " + status + (text.isEmpty() ? "" : " (" + text + ")"),
          method, url, null);
    }
  }

  /** What went wrong, in words an operator acts on; the first words tell the kinds apart. */
  private String cause(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + connectTimeout.toMillis() + " ms";
    }
    if (e instanceof HttpTimeoutException) {
      return "timed out after " + timeout.toMillis() + " ms without a response";
    }
    if (e instanceof ConnectException) {
      String detail = innermostMessage(e);
      return detail == null || detail.contains("refused") ? "connection refused"
          : "cannot connect (" + detail + ")";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS failed: " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String innermostMessage(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? null : message.toLowerCase(java.util.Locale.ROOT);
  }

  /** A push, push-add or delete that did not succeed; {@link #cause()} is the short reason. */
  static final class PushFailure extends IOException {
    private final String cause;

    PushFailure(String cause, String method, URI url, Throwable underlying) {
      super(method + " " + url + " failed: " + cause, underlying);
      this.cause = cause;
    }

    /** The reason alone ({@code connection refused}, {@code HTTP 400 (...)}, ...). */
    String cause() {
      return cause;
    }

    /** The kind of failure, to rate-limit warnings per kind: the reason up to its detail. */
    String kind() {
      int detail = cause.indexOf(" (");
      return detail < 0 ? cause : cause.substring(0, detail);
    }
  }
}
