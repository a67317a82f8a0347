package dev.stria.jvm;

import java.lang.System.Logger.Level;

/**
 * Whether a class of the JDK's {@code com.sun.management} extension (module {@code
 * jdk.management}) can be loaded. The classes that link against the extension are used only
 * after it answered yes, so the JVM metrics work on a runtime without it (a {@code jlink} image
 * or {@code --limit-modules}), just with fewer metrics.
 */
final class JdkExtension {
  private static final System.Logger LOG = System.getLogger(JdkExtension.class.getName());

  private JdkExtension() {}

  static boolean has(String className) {
    try {
      Class.forName(className, false, JdkExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      LOG.log(Level.DEBUG, () -> className + " is not available: the JVM metrics that need it"
          + " are not registered");
      return false;
    }
  }
}
