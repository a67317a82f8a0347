package dev.stria.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.stria.Histogram;
import dev.stria.MeterRegistry;
import java.lang.System.Logger.Level;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration}: a histogram in seconds (buckets 0.01, 0.1, 1 and 10 s, the
 * convention's advice) of every garbage collection the JDK announces, labelled {@code
 * jvm.gc.name} (the collector, e.g. {@code G1 Young Generation}) and {@code jvm.gc.action} (e.g.
 * {@code end of minor GC}).
 *
 * <p>The JDK's notification thread calls the listener once per collection after it ended; the
 * listener records one observation and is the only part of the JVM metrics that runs outside a
 * collection. The JDK reports durations in whole milliseconds, so collections shorter than 1 ms
 * (most ZGC pauses) are recorded as 0. Linked against {@code com.sun.management}: used only after
 * {@link JvmMetrics} found it.
 */
final class GcDurationMetrics implements NotificationListener {
  static final String NAME = "jvm.gc.duration";
  static final double[] BUCKETS = {0.01, 0.1, 1, 10};

  private static final System.Logger LOG = System.getLogger(GcDurationMetrics.class.getName());
  private static final NotificationFilter GC_ONLY = notification ->
      GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType());

  private final Histogram duration;
  private volatile boolean failureLogged;

  private GcDurationMetrics(Histogram duration) {
    this.duration = duration;
  }

  /**
   * Registers the histogram and listens to every collector; closing {@code all} removes the
   * listeners. The histogram itself stays registered (it keeps what it recorded, and registering
   * again reuses it).
   */
  static void register(MeterRegistry registry, Registrations all) {
    Histogram duration = registry.histogram(NAME).unit("s")
        .description("Duration of JVM garbage collection actions.")
        .buckets(BUCKETS).labelNames("jvm.gc.name", "jvm.gc.action").register();
    GcDurationMetrics listener = new GcDurationMetrics(duration);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, GC_ONLY, null);
        all.onClose(() -> remove(emitter, listener));
      }
    }
  }

  private static void remove(NotificationEmitter emitter, GcDurationMetrics listener) {
    try {
      emitter.removeNotificationListener(listener, GC_ONLY, null);
    } catch (ListenerNotFoundException alreadyGone) {
      // nothing to undo
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    try {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      duration.labels(info.getGcName(), info.getGcAction())
          .observe(info.getGcInfo().getDuration() / 1e3);
    } catch (RuntimeException malformed) { // a JDK's odd notification must not stop the others
      if (!failureLogged) {
        failureLogged = true;
        LOG.log(Level.WARNING, "a garbage collection notification could not be read; such"
            + " collections are not in " + NAME + " (logged once)", malformed);
      }
    }
  }
}
