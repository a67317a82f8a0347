package dev.stria.jvm;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@link OperatingSystemReadings} from the JDK's {@code com.sun.management} extension (HotSpot
 * and most other JDKs). Loaded only after {@link OperatingSystemReadings#find()} found the
 * extension, because it links against it.
 */
final class HotSpotOperatingSystem implements OperatingSystemReadings {
  private final OperatingSystemMXBean os;
  private final UnixOperatingSystemMXBean unix; // null where there are no file descriptors

  private HotSpotOperatingSystem(OperatingSystemMXBean os) {
    this.os = os;
    this.unix = os instanceof UnixOperatingSystemMXBean u ? u : null;
  }

  static OperatingSystemReadings create() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? new HotSpotOperatingSystem(os) : NONE;
  }

  @Override
  public long processCpuTimeNanos() {
    return os.getProcessCpuTime();
  }

  @Override
  public long openFileDescriptors() {
    return unix == null ? -1 : unix.getOpenFileDescriptorCount();
  }

  @Override
  public long maxFileDescriptors() {
    return unix == null ? -1 : unix.getMaxFileDescriptorCount();
  }
}
