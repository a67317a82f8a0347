package dev.stria.core.internal;

/**
 * What a {@link StripedCounter} drain returns: the integral part, summed exactly as a {@code
 * long}, and the fractional part, summed as a {@code double}.
 */
public record SumDelta(long longPart, double doublePart) {
  /** The whole delta as a double. */
  public double value() {
    return longPart + doublePart;
  }

  /** True when neither part changed. */
  public boolean isZero() {
    return longPart == 0 && doublePart == 0;
  }
}
