package dev.stria;

/** The library's version, for the default instrumentation scope and exporters' SDK attributes. */
public final class Version {
  private Version() {}

  /** Stria's version. */
  public static final String STRIA = "0.1.0";
}
