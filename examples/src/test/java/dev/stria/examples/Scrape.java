package dev.stria.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scrapes an endpoint in the Prometheus text format 0.0.4 (one TYPE line per exposed name). */
final class Scrape {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]",
      Pattern.MULTILINE);

  private Scrape() {}

  static String text(String url) throws IOException, InterruptedException {
    return get(url, "text/plain; version=0.0.4");
  }

  /** The OpenMetrics exposition, which has exemplars. */
  static String openMetrics(String url) throws IOException, InterruptedException {
    return get(url, "application/openmetrics-text; version=1.0.0");
  }

  private static String get(String url, String accept) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** The names of every sample in a text exposition ({@code x_bucket}, {@code x_total}, ...). */
  static Set<String> sampleNames(String exposition) {
    Set<String> names = new TreeSet<>();
    Matcher m = SAMPLE.matcher(exposition);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
