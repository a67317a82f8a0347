package dev.stria.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident set size of this process, from the {@code VmRSS} line of Linux's {@code
 * /proc/self/status} (in kB there). The JDK has no portable call for it, so elsewhere the
 * reading is unknown and {@code process.memory.usage} is not registered.
 */
final class ResidentMemory {
  static final Path STATUS = Path.of("/proc/self/status");
  private static final byte[] KEY = "VmRSS:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private ResidentMemory() {}

  /** Whether this system tells the resident set size at all. */
  static boolean available() {
    return bytes() >= 0;
  }

  /** Resident bytes, or -1 when unknown. */
  static long bytes() {
    try {
      return parseVmRssBytes(Files.readAllBytes(STATUS));
    } catch (IOException | SecurityException | UnsupportedOperationException unreadable) {
      return -1;
    }
  }

  /**
   * The {@code VmRSS:} value of a {@code /proc/<pid>/status} text in bytes, -1 without one. Reads
   * the ASCII bytes in place: no string is made per collection.
   */
  static long parseVmRssBytes(byte[] status) {
    for (int line = 0; line < status.length; ) {
      if (startsWith(status, line, KEY)) {
        int i = line + KEY.length;
        while (i < status.length && (status[i] == ' ' || status[i] == '\t')) {
          i++;
        }
        long kilobytes = 0;
        int digits = 0;
        for (; i < status.length && status[i] >= '0' && status[i] <= '9'; i++, digits++) {
          kilobytes = kilobytes * 10 + (status[i] - '0');
        }
        return digits == 0 ? -1 : kilobytes * 1024;
      }
      while (line < status.length && status[line] != '\n') {
        line++;
      }
      line++;
    }
    return -1;
  }

  private static boolean startsWith(byte[] text, int from, byte[] prefix) {
    if (from + prefix.length > text.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (text[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
