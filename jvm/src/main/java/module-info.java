/**
 * JVM and process metrics under the OpenTelemetry semantic conventions: {@code
 * JvmMetrics.register(registry)}. {@code jdk.management} (HotSpot's extensions: GC notifications,
 * process CPU time, file descriptors) is used when the runtime has it and left out when it does
 * not.
 */
module dev.stria.jvm {
  requires transitive dev.stria;
  requires java.management;
  requires static jdk.management;

  exports dev.stria.jvm;
}
