package dev.stria.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Runs {@code System.gc()} and waits until the JDK has announced a collection to a listener added
 * just before. The JDK calls a collector's listeners one after the other, in the order they were
 * added, on one thread: when this late listener has heard of a collection, every listener added
 * earlier (JvmMetrics') has too.
 */
final class GcWatch implements NotificationListener {
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private GcWatch() {}

  /** The {@code name|action} of each collection announced while waiting. */
  static List<String> collectGarbageAndAwaitNotification() throws InterruptedException {
    GcWatch watch = new GcWatch();
    List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast)
        .toList();
    emitters.forEach(e -> e.addNotificationListener(watch, null, null));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      System.gc();
      while (watch.seen.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no garbage collection was announced within 30 s");
        }
        Thread.sleep(10);
      }
      return List.copyOf(watch.seen);
    } finally {
      for (NotificationEmitter emitter : emitters) {
        try {
          emitter.removeNotificationListener(watch);
        } catch (ListenerNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
        .equals(notification.getType())) {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      seen.add(info.getGcName() + "|" + info.getGcAction());
    }
  }
}
