package dev.stria.snapshot;

/**
 * One recorded value kept with the trace it was recorded in: the link from a histogram bucket or
 * a counter to an example trace.
 *
 * <pre>{@code
 * new Exemplar(0.734, epochNanos, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
 * }</pre>
 *
 * @param value the value recorded (for a counter, the increment)
 * @param epochNanos when it was recorded, in nanoseconds since the epoch
 * @param traceId the trace's id: 32 lowercase hex digits, not all zero (W3C trace context)
 * @param spanId the span's id: 16 lowercase hex digits, not all zero
 */
public record Exemplar(double value, long epochNanos, String traceId, String spanId) {
  /** Checks the ids: lowercase hex of the W3C lengths, not all zero. */
  public Exemplar {
    checkId("trace id", traceId, 32);
    checkId("span id", spanId, 16);
  }

  private static void checkId(String what, String id, int length) {
    boolean valid = id != null && id.length() == length;
    boolean nonZero = false;
    for (int i = 0; valid && i < length; i++) {
      char c = id.charAt(i);
      valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      nonZero |= c != '0';
    }
    if (!valid || !nonZero) {
      throw new IllegalArgumentException("exemplar " + what + " '" + id + "' is invalid: it must be "
          + length + " lowercase hex digits, not all zero");
    }
  }
}
