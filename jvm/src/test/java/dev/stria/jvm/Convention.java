package dev.stria.jvm;

import dev.stria.snapshot.MetricType;
import java.util.List;

/**
 * What the OpenTelemetry semantic conventions (JVM: stable; process: development) say of each
 * metric JvmMetrics registers: its name, instrument kind, unit and attributes. Copied from the
 * conventions' text, so the tests compare the code with the specification, not with itself.
 */
record Convention(String name, MetricType type, String unit, List<String> labels) {
  private static final List<String> POOL = List.of("jvm.memory.type", "jvm.memory.pool.name");
  private static final List<String> NONE = List.of();

  static final List<Convention> ALL = List.of(
      new Convention("jvm.memory.used", MetricType.UP_DOWN_COUNTER, "By", POOL),
      new Convention("jvm.memory.committed", MetricType.UP_DOWN_COUNTER, "By", POOL),
      new Convention("jvm.memory.limit", MetricType.UP_DOWN_COUNTER, "By", POOL),
      new Convention("jvm.memory.used_after_last_gc", MetricType.UP_DOWN_COUNTER, "By", POOL),
      new Convention("jvm.gc.duration", MetricType.HISTOGRAM, "s",
          List.of("jvm.gc.name", "jvm.gc.action")),
      new Convention("jvm.thread.count", MetricType.UP_DOWN_COUNTER, "{thread}",
          List.of("jvm.thread.daemon", "jvm.thread.state")),
      new Convention("jvm.class.loaded", MetricType.COUNTER, "{class}", NONE),
      new Convention("jvm.class.unloaded", MetricType.COUNTER, "{class}", NONE),
      new Convention("jvm.class.count", MetricType.UP_DOWN_COUNTER, "{class}", NONE),
      new Convention("jvm.cpu.time", MetricType.COUNTER, "s", NONE),
      new Convention("jvm.cpu.count", MetricType.UP_DOWN_COUNTER, "{cpu}", NONE),
      new Convention("jvm.cpu.recent_utilization", MetricType.GAUGE, "1", NONE),
      new Convention("process.cpu.time", MetricType.COUNTER, "s", NONE),
      new Convention("process.uptime", MetricType.GAUGE, "s", NONE),
      new Convention("process.memory.usage", MetricType.UP_DOWN_COUNTER, "By", NONE),
      new Convention("process.unix.file_descriptor.count", MetricType.UP_DOWN_COUNTER,
          "{file_descriptor}", NONE),
      // Stria's own names: the conventions have none for these.
      new Convention("process.start_time", MetricType.GAUGE, "s", NONE),
      new Convention("process.unix.file_descriptor.limit", MetricType.UP_DOWN_COUNTER,
          "{file_descriptor}", NONE));
}
