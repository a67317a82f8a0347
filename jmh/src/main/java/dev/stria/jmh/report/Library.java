package dev.stria.jmh.report;

import java.util.Locale;

/**
 * Which library a benchmark method or memory line measures, read from the start of its name
 * ({@code striaBound}, {@code prometheusClassicOnly}, {@code floorLongAdder}, ...), and whether it
 * counts as a peer: ratios are taken to the best peer, never to Stria itself or to a floor.
 */
enum Library {
  STRIA("Stria", false, "stria"),
  PROMETHEUS("Prometheus client_java", true, "prometheus", "clientjava"),
  OPENTELEMETRY("OpenTelemetry SDK", true, "otel"),
  MICROMETER("Micrometer", true, "micrometer"),
  DROPWIZARD("Dropwizard Metrics", true, "dropwizard"),
  HDRHISTOGRAM("HdrHistogram", true, "hdr"),
  FLOOR("JDK floor", false, "floor", "longadder", "atomic"),
  /** Internal alternatives compared with each other (bucket search variants, bare cells). */
  OTHER("Other", false);

  private final String displayName;
  private final boolean peer;
  private final String[] prefixes;

  Library(String displayName, boolean peer, String... prefixes) {
    this.displayName = displayName;
    this.peer = peer;
    this.prefixes = prefixes;
  }

  static Library of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Library library : values()) {
      for (String prefix : library.prefixes) {
        if (lower.startsWith(prefix)) {
          return library;
        }
      }
    }
    return OTHER;
  }

  String displayName() {
    return displayName;
  }

  boolean isPeer() {
    return peer;
  }
}
