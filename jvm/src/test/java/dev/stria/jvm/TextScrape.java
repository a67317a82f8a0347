package dev.stria.jvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape read back: the type of each family, the labels of each sample. */
record TextScrape(Map<String, String> types, Map<String, List<Map<String, String>>> samples) {
  private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (\\S+)");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? \\S+");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  static TextScrape parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
      } else if (!line.startsWith("#") && sample.matches()) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
        samples.computeIfAbsent(sample.group(1), k -> new ArrayList<>()).add(labels);
      }
    }
    return new TextScrape(types, samples);
  }

  /** The label sets of every sample named {@code name}. */
  List<Map<String, String>> samples(String name) {
    return samples.getOrDefault(name, List.of());
  }

  /** Whether a sample named {@code name} carries all of {@code labels}. */
  boolean has(String name, Map<String, String> labels) {
    return samples(name).stream().anyMatch(l -> l.entrySet().containsAll(labels.entrySet()));
  }
}
