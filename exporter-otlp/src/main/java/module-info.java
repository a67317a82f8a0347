/**
 * Stria's OTLP/HTTP push exporter and console exporter. Needs only the JDK at run time:
 * {@code java.net.http} sends, {@code java.logging} is read only to tell whether the JDK's logging
 * has already shut down when a shutdown-hook flush fails.
 */
module dev.stria.otlp {
  requires transitive dev.stria;
  requires java.net.http;
  requires java.logging;

  exports dev.stria.otlp;
}
