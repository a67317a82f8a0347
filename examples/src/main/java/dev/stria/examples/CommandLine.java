package dev.stria.examples;

/**
 * The demo's arguments: a mode ({@code service}, {@code batch}, {@code both}, {@code otel}; {@code service} when
 * none is given) and its options ({@code pushgateway} is null without {@code --pushgateway}).
 * Parsing never exits the JVM; a bad argument is a {@link UsageException} that {@link Main} turns
 * into the usage text and exit code 2.
 */
record CommandLine(Mode mode, String host, int port, int iterations, String pushgateway,
    boolean help) {
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 9464;
  static final int DEFAULT_ITERATIONS = 300;

  static final String USAGE = """
      usage: java -jar stria-examples.jar [service|batch|both|otel] [options]

        service [--host H] [--port P]   a simulated web service, served at http://H:P/metrics
                                        until stopped (default mode; 127.0.0.1:9464; port 0 picks one)
        batch [--iterations N] [--pushgateway URL]
                                        N data-process operations (default 300), pushed with OTLP
                                        when OTEL_METRICS_EXPORTER=otlp or OTEL_EXPORTER_OTLP_ENDPOINT
                                        is set, else printed by the console exporter; flushes, exits 0.
                                        --pushgateway also pushes them, when the job ends, to the
                                        Prometheus Pushgateway at URL (job stria-demo-batch)
        both [--host H] [--port P]      the service, served and pushed at once from one registry
        otel [--host H] [--port P]      a checkout service instrumented with the OpenTelemetry API
                                        only, recorded by Stria, served and pushed as in both
        --help                          this text

      OTEL_METRICS_EXPORTER (prometheus, otlp, console, comma-separated, or none) chooses the
      exporters in every mode; OTEL_SDK_DISABLED=true exports nothing, --pushgateway included.
      Every OTEL_* setting of the OTLP exporter applies (endpoint, protocol, headers,
      OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE, OTEL_METRIC_EXPORT_INTERVAL, ...).
      """;

  enum Mode { SERVICE, BATCH, BOTH, OTEL }

  /** Reads {@code args}; throws {@link UsageException} naming the first argument that is wrong. */
  static CommandLine parse(String... args) {
    Mode mode = Mode.SERVICE;
    int i = 0;
    if (args.length > 0 && !args[0].startsWith("-")) {
      mode = switch (args[0]) {
        case "service" -> Mode.SERVICE;
        case "batch" -> Mode.BATCH;
        case "both" -> Mode.BOTH;
        case "otel" -> Mode.OTEL;
        default -> throw new UsageException("unknown mode '" + args[0]
            + "': expected service, batch, both or otel");
      };
      i = 1;
    }
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    int iterations = DEFAULT_ITERATIONS;
    String pushgateway = null;
    for (; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CommandLine(mode, host, port, iterations, pushgateway, true);
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      boolean served = mode != Mode.BATCH;
      switch (name) {
        case "--host" -> host = requireFor(served, name, mode,
            nonEmpty(name, value != null ? value : valueAfter(args, i++)));
        case "--port" -> port = requireFor(served, name, mode,
            number(name, value != null ? value : valueAfter(args, i++), 0, 65_535));
        case "--iterations" -> iterations = requireFor(mode == Mode.BATCH, name, mode,
            number(name, value != null ? value : valueAfter(args, i++), 1, Integer.MAX_VALUE));
        case "--pushgateway" -> pushgateway = requireFor(mode == Mode.BATCH, name, mode,
            nonEmpty(name, value != null ? value : valueAfter(args, i++)));
        default -> throw new UsageException("unknown argument '" + arg + "'");
      }
    }
    return new CommandLine(mode, host, port, iterations, pushgateway, false);
  }

  private static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new UsageException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static <T> T requireFor(boolean applies, String name, Mode mode, T value) {
    if (!applies) {
      throw new UsageException(name + " does not apply to mode "
          + mode.name().toLowerCase(java.util.Locale.ROOT));
    }
    return value;
  }

  private static String nonEmpty(String name, String value) {
    if (value.isEmpty()) {
      throw new UsageException(name + " needs a non-empty value");
    }
    return value;
  }

  private static int number(String name, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " '" + value + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new UsageException(name + " " + n + " is outside " + min + ".." + max);
    }
    return n;
  }

  /** A wrong argument; its message says which one and why. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
