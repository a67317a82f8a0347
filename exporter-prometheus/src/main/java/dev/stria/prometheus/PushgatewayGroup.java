package dev.stria.prometheus;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The URL of one Pushgateway group: {@code <address>/metrics/job/<job>/<name>/<value>...}, as the
 * Pushgateway's API defines it. A job or label value that contains {@code /}, or is empty, cannot
 * be a path segment: it is sent base64url-encoded under the name with an {@code @base64} suffix
 * ({@code /metrics/job@base64/...}, an empty value as {@code =}); every other value is
 * percent-encoded.
 */
final class PushgatewayGroup {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private PushgatewayGroup() {}

  /**
   * The Pushgateway's base URL from {@code address}: {@code http(s)://host:port[/prefix]}, or
   * {@code host:port[/prefix]} for plain HTTP as client_java writes it; a trailing {@code /} is
   * dropped.
   *
   * @throws IllegalArgumentException naming the address and the accepted forms
   */
  static URI parseAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("Pushgateway address must not be empty, got '"
          + address + "'");
    }
    String full = address.contains("://") ? address : "http://" + address;
    URI uri;
    try {
      uri = URI.create(full.endsWith("/") ? full.substring(0, full.length() - 1) : full);
    } catch (IllegalArgumentException e) {
      throw badAddress(address);
    }
    boolean schemeOk = "http".equalsIgnoreCase(uri.getScheme())
        || "https".equalsIgnoreCase(uri.getScheme());
    if (!schemeOk || uri.getHost() == null || uri.getRawQuery() != null
        || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw badAddress(address);
    }
    return uri;
  }

  private static IllegalArgumentException badAddress(String address) {
    return new IllegalArgumentException("Pushgateway address '" + address + "' is not"
        + " http(s)://host:port[/path] or host:port[/path]");
  }

  /**
   * Checks a grouping-key label name: a Prometheus label name, not {@code job} (the job has its
   * own setting) and not reserved ({@code __} prefix).
   */
  static String checkLabelName(String name) {
    if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")
        || name.equals("job")) {
      throw new IllegalArgumentException("grouping key name '" + name + "' is invalid: it must"
          + " match [a-zA-Z_][a-zA-Z0-9_]*, not start with __, and not be 'job' (set the job"
          + " with job(..))");
    }
    return name;
  }

  /** The group's URL under {@code base}; the grouping key in its given order. */
  static URI url(URI base, String job, Map<String, String> groupingKey) {
    StringBuilder path = new StringBuilder(base.toString()).append("/metrics");
    appendLabel(path, "job", job);
    for (Map.Entry<String, String> label : new LinkedHashMap<>(groupingKey).entrySet()) {
      appendLabel(path, label.getKey(), label.getValue());
    }
    return URI.create(path.toString());
  }

  private static void appendLabel(StringBuilder path, String name, String value) {
    if (value.isEmpty() || value.indexOf('/') >= 0) {
      path.append('/').append(name).append("@base64/").append(Base64.getUrlEncoder()
          .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      if (value.isEmpty()) {
        path.append('=');   // the Pushgateway's spelling of an empty value
      }
    } else {
      path.append('/').append(name).append('/')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
  }
}
