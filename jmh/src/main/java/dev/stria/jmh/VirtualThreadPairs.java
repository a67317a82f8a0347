package dev.stria.jmh;

import dev.stria.jmh.virtual.PeriodicCollector;
import dev.stria.jmh.virtual.VirtualThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The virtual-thread throughput target, measured in rounds within each JVM: every round runs one
 * batch of {@code VirtualThreadBenchmark} ({@value VirtualThreadBenchmark#TASKS} tasks on new
 * virtual threads, each recording one observation and one increment, a collection every {@value
 * VirtualThreadBenchmark#COLLECT_EVERY_MILLIS} ms) for every library and for the floor that
 * records nothing, in an order that rotates from round to round. The report compares Stria with
 * each peer round by round.
 *
 * <p>Why not JMH's forks: the time of a batch depends on the JVM more than on the recording. In
 * one full run (Java 25, 2026-11-30) the floor's five forks took 46.8, 46.4, 45.8, 18.5 and 22.6
 * ms per batch while every fast library's took 20-27, so a line's mean mostly said which JVMs it
 * drew. Within one JVM every library meets the same state, and the ratio of two batches in one
 * round leaves it out.
 *
 * <p>Single rounds still vary widely: in 3 JVMs of 200 rounds (Java 25, 2026-11-30) the natural
 * log of Stria's batch time over a peer's had a standard deviation of 0.22-0.25, so 600 rounds
 * place the median to about 1%. Two such runs ten minutes apart on one machine: batches took ~50
 * ms in the first and ~18 ms in the second, for every library alike, yet the ratios agreed:
 * Stria against client_java classic-only 1.00 (99% intervals 0.99-1.01 and 0.985-1.012),
 * against HdrHistogram 0.96 and 0.98, against the floor that records nothing 1.07 and 1.04. A
 * full GC before every batch, tried to start each from the same heap, made the rounds noisier
 * (0.26-0.31), not quieter.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.stria.jmh.VirtualThreadPairs out.json [jvms]
 * [rounds]} (defaults 3 and 200, the runs above, after {@value #WARMUP_ROUNDS} warm-up rounds in each JVM). Each
 * JVM is a child process of this one, with its JVM options. On a JDK without virtual threads it
 * writes {@code "available": false} and exits 0.
 */
public final class VirtualThreadPairs {
  static final int WARMUP_ROUNDS = 10;
  private static final String CHILD = "--child";
  private static final String ROUND = "ROUND";

  private VirtualThreadPairs() {}

  /** Each side by the name of its {@code VirtualThreadBenchmark} method. */
  static Map<String, VirtualThreadBenchmark.Side> sides() {
    Map<String, VirtualThreadBenchmark.Side> sides = new LinkedHashMap<>();
    sides.put("floorNoRecording", new VirtualThreadBenchmark.NoRecordingSide());
    sides.put("stria", new VirtualThreadBenchmark.StriaSide());
    sides.put("prometheusClassicOnly", new VirtualThreadBenchmark.PrometheusSide());
    sides.put("otelExplicit", new VirtualThreadBenchmark.OtelSide());
    sides.put("micrometer", new VirtualThreadBenchmark.MicrometerSide());
    sides.put("dropwizard", new VirtualThreadBenchmark.DropwizardSide());
    sides.put("hdrRecorder", new VirtualThreadBenchmark.HdrSide());
    return sides;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals(CHILD)) {
      runRounds(Integer.parseInt(args[1]));
      return;
    }
    Path out = Path.of(args.length > 0 ? args[0] : "jmh/target/benchmark-results/virtual-thread-pairs.json");
    int jvms = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String json;
    if (!VirtualThreads.available()) {
      json = "{\"jdk\": \"" + System.getProperty("java.version") + "\", \"available\": false}\n";
    } else {
      List<List<Map<String, Long>>> perJvm = new ArrayList<>();
      for (int jvm = 1; jvm <= jvms; jvm++) {
        System.out.printf(Locale.ROOT, "JVM %d of %d: %d rounds%n", jvm, jvms, rounds);
        perJvm.add(runChild(rounds));
      }
      json = toJson(perJvm);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json, StandardCharsets.UTF_8);
    System.out.println("Virtual-thread rounds written to " + out);
  }

  /** Runs one JVM's rounds in a child process with this JVM's options; its rounds, in order. */
  private static List<Map<String, Long>> runChild(int rounds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        VirtualThreadPairs.class.getName(), CHILD, Integer.toString(rounds)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Map<String, Long>> measured = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(ROUND + " ")) {
          measured.add(parseRound(line));
        } else {
          System.out.println("  " + line);
        }
      }
    }
    int exit = child.waitFor();
    if (exit != 0 || measured.size() != rounds) {
      throw new IllegalStateException("a JVM of rounds exited with " + exit + " after "
          + measured.size() + " of " + rounds + " rounds");
    }
    return measured;
  }

  /** The child's work: builds every side, warms up, and prints one line per measured round. */
  private static void runRounds(int rounds) {
    Map<String, VirtualThreadBenchmark.Side> sides = sides();
    sides.values().forEach(VirtualThreadBenchmark.Side::build);
    List<String> names = new ArrayList<>(sides.keySet());
    ActiveSide active = new ActiveSide();
    try (PeriodicCollector collector = new PeriodicCollector("rounds",
        VirtualThreadBenchmark.COLLECT_EVERY_MILLIS, active::collect)) {
      for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
        StringBuilder line = new StringBuilder(ROUND);
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((round + i) % names.size()); // each side first in turn
          VirtualThreadBenchmark.Side side = sides.get(name);
          active.side = side;
          long start = System.nanoTime();
          VirtualThreads.runEach(VirtualThreadBenchmark.TASKS, side::record);
          long nanos = System.nanoTime() - start;
          active.side = null;
          line.append(' ').append(name).append('=').append(nanos);
        }
        if (round >= WARMUP_ROUNDS) {
          System.out.println(line);
        }
      }
    }
  }

  /** The side whose batch runs now: the one collector thread collects only that library. */
  private static final class ActiveSide {
    volatile VirtualThreadBenchmark.Side side;

    void collect() {
      VirtualThreadBenchmark.Side current = side;
      if (current != null) {
        current.collect();
      }
    }
  }

  private static Map<String, Long> parseRound(String line) {
    Map<String, Long> round = new LinkedHashMap<>();
    for (String entry : line.substring(ROUND.length() + 1).split(" ")) {
      int equals = entry.indexOf('=');
      round.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
    }
    return round;
  }

  /** {"jdk", "available", "tasks", "jvms": [[{side: nanos per batch, ...} per round], ...]}. */
  private static String toJson(List<List<Map<String, Long>>> perJvm) {
    StringBuilder json = new StringBuilder("{\"jdk\": \"")
        .append(System.getProperty("java.version")).append("\", \"available\": true, \"tasks\": ")
        .append(VirtualThreadBenchmark.TASKS).append(", \"jvms\": [");
    for (int j = 0; j < perJvm.size(); j++) {
      json.append(j == 0 ? "\n  [" : ",\n  [");
      List<Map<String, Long>> rounds = perJvm.get(j);
      for (int r = 0; r < rounds.size(); r++) {
        json.append(r == 0 ? "\n    {" : ",\n    {");
        int k = 0;
        for (Map.Entry<String, Long> e : rounds.get(r).entrySet()) {
          json.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ")
              .append(e.getValue());
        }
        json.append('}');
      }
      json.append("]");
    }
    return json.append("]}\n").toString();
  }
}
