package dev.stria.opentelemetry;

/**
 * Whether {@code io.opentelemetry:opentelemetry-api-incubator} is there. Only then does the bridge
 * load {@link IncubatingBuilders} and {@link IncubatingInstruments}, whose classes implement the
 * incubator's interfaces ({@code setAttributesAdvice}, {@code bind}); without the jar the bridge
 * never names them, so it runs on {@code opentelemetry-api} alone. On the module path the
 * incubator counts as there when it is in the module graph (another module requires it, or
 * {@code --add-modules io.opentelemetry.api.incubator}).
 */
final class Incubator {
  /** True when the incubator's metrics interfaces can be loaded by the bridge. */
  static final boolean PRESENT = present();

  private Incubator() {}

  private static boolean present() {
    try {
      Class.forName("io.opentelemetry.api.incubator.metrics.ExtendedLongCounter", false,
          Incubator.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
