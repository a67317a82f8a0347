package dev.stria.otlp;

import java.util.Locale;
import java.util.Set;

/**
 * The rules a request header must meet before the exporter starts, checked here so that a bad
 * {@code OTEL_EXPORTER_OTLP_HEADERS} is reported with its variable and rule, not as the JDK's
 * HTTP client's bare "invalid header name" at the first export.
 */
final class HttpHeaders {
  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpHeaders() {}

  /** What is wrong with the header, or null when it may be sent. */
  static String problem(String name, String value) {
    if (name == null || name.isEmpty()) {
      return "a header name must not be empty";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!token) {
        return "a header name must be an HTTP token (letters, digits and "
            + TOKEN_SYMBOLS + "), and '" + name + "' holds '" + c + "'";
      }
    }
    if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
      return "'" + name + "' is set by the HTTP client itself and cannot be configured";
    }
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      return "a header value must be given and hold no line break";
    }
    return null;
  }
}
