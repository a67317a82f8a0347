package dev.stria.otlp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Why a request never got an answer, in words an operator can act on. {@code java.net.http}
 * reports an unknown host and a refused connection both as a {@link ConnectException}, often
 * without a message; the cause chain tells them apart. {@code kind} keys the rate-limited log, so
 * a change of cause is reported at once.
 *
 * <p>A time limit that ran out is named with its length. The JDK's client reports the request
 * timeout running out before the connection was made as a connect timeout too, so the wait was
 * the shorter of the two.
 */
record SendFailure(String kind, String message) {

  /**
   * Names the cause of {@code e}; {@code timeout} is the attempt's request timeout, {@code
   * connectTimeout} the client's.
   */
  static SendFailure of(IOException e, String endpoint, Duration timeout,
      Duration connectTimeout) {
    String host = hostAndPort(endpoint);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return new SendFailure("unknown host",
            "unknown host " + URI.create(endpoint).getHost() + " (the name does not resolve)");
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      long waited = Math.min(timeout.toMillis(), connectTimeout.toMillis());
      return new SendFailure("connect timeout", "connecting to " + host + " timed out after "
          + waited + " ms (nothing accepted the connection)");
    }
    if (e instanceof HttpTimeoutException) {
      return new SendFailure("timeout",
          "timed out after " + timeout.toMillis() + " ms waiting for " + host + " to answer");
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return new SendFailure("refused",
            "connection refused by " + host + " (nothing listening there?)");
      }
    }
    return new SendFailure("io", e.toString());
  }

  private static String hostAndPort(String endpoint) {
    URI uri = URI.create(endpoint);
    int port = uri.getPort() >= 0 ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }
}
