package dev.stria.jvm;

import dev.stria.Observations;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * What only the JDK's {@code com.sun.management} extension tells about the process: its CPU time
 * and its file descriptors. Each answer is negative when unknown — on a JDK without the {@code
 * jdk.management} module, an operating system without file descriptors, or when the JDK cannot
 * read the value right now.
 *
 * <p>{@link #find()} returns readings that never touch {@code com.sun.management} when that
 * package cannot be loaded, so the rest of the JVM metrics work without it.
 */
interface OperatingSystemReadings {

  /** Readings where everything is unknown. */
  OperatingSystemReadings NONE = new OperatingSystemReadings() {};

  /** CPU time used by the process, in nanoseconds. */
  default long processCpuTimeNanos() {
    return -1;
  }

  /** File descriptors open in the process. */
  default long openFileDescriptors() {
    return -1;
  }

  /** The most file descriptors the process may open. */
  default long maxFileDescriptors() {
    return -1;
  }

  /** The extension's readings when the JDK has it, otherwise {@link #NONE}. */
  static OperatingSystemReadings find() {
    // HotSpotOperatingSystem links against the extension: touched only once it is known there.
    return JdkExtension.has("com.sun.management.OperatingSystemMXBean")
        ? HotSpotOperatingSystem.create() : NONE;
  }

  /** A callback of one unlabelled series that reports {@code reading} only when it is known. */
  static Consumer<Observations> whenKnown(DoubleSupplier reading) {
    return out -> {
      double value = reading.getAsDouble();
      if (value >= 0) {
        out.record(value);
      }
    };
  }
}
