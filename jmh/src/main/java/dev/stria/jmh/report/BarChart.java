package dev.stria.jmh.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Writes {@code docs/benchmarks.png}: one group of bars per case in which a peer ran, one bar per
 * library (its fastest line in that case), ns/op on a logarithmic axis. Drawn off screen (headless AWT).
 */
final class BarChart {
  private static final Map<String, String> SHORT_NAMES = new LinkedHashMap<>();
  private static final Map<Library, Color> COLORS = new EnumMap<>(Library.class);

  static {
    SHORT_NAMES.put("CounterBenchmark", "counter");
    SHORT_NAMES.put("PerThreadSeriesCounterBenchmark", "counter, series/thread");
    SHORT_NAMES.put("GaugeBenchmark", "gauge");
    SHORT_NAMES.put("HistogramBenchmark", "explicit");
    SHORT_NAMES.put("PerThreadSeriesHistogramBenchmark", "explicit, series/thread");
    SHORT_NAMES.put("ExponentialHistogramBenchmark", "exponential");
    SHORT_NAMES.put("TimerBenchmark", "timer");
    SHORT_NAMES.put("LabelLookupBenchmark", "labels");
    SHORT_NAMES.put("CounterCellBenchmark", "counter cell");
    SHORT_NAMES.put("ScrapeBenchmark", "scrape");
    SHORT_NAMES.put("OtlpEncodeBenchmark", "OTLP");
    SHORT_NAMES.put("VirtualThreadBenchmark", "100k virtual threads");
    COLORS.put(Library.STRIA, new Color(0xD9, 0x48, 0x1C));
    COLORS.put(Library.PROMETHEUS, new Color(0x3B, 0x6E, 0xA8));
    COLORS.put(Library.OPENTELEMETRY, new Color(0x6A, 0x4C, 0x9C));
    COLORS.put(Library.MICROMETER, new Color(0x2E, 0x8B, 0x57));
    COLORS.put(Library.DROPWIZARD, new Color(0x8C, 0x8C, 0x8C));
    COLORS.put(Library.HDRHISTOGRAM, new Color(0xC9, 0xA2, 0x27));
    COLORS.put(Library.FLOOR, new Color(0x30, 0x30, 0x30));
    COLORS.put(Library.OTHER, new Color(0x99, 0xCC, 0xCC));
  }

  private BarChart() {}

  static void write(List<BenchmarkCase> allCases, Path png, String title) throws IOException {
    // Internal comparisons (no peer ran) stay in the tables; the chart is Stria beside peers.
    List<BenchmarkCase> cases = new ArrayList<>();
    for (BenchmarkCase benchmarkCase : allCases) {
      if (benchmarkCase.bestPeerScore().isPresent()) {
        cases.add(benchmarkCase);
      }
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    if (cases.isEmpty()) {
      cases = allCases; // a run without peers still gets its chart
    }
    List<String> categories = new ArrayList<>();
    Set<Library> present = EnumSet.noneOf(Library.class);
    for (BenchmarkCase benchmarkCase : cases) {
      categories.add(shortLabel(benchmarkCase));
      present.addAll(benchmarkCase.bestByLibrary().keySet());
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(1000, 260 + 70 * categories.size()))
            .height(720)
            .title(title)
            .xAxisTitle("case")
            .yAxisTitle("ns/op, fastest line of each library (log scale, lower is better)")
            .build();
    CategoryStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartBackgroundColor(Color.WHITE);
    // A bar chart's axis starts at zero unless told otherwise, which a log axis cannot show.
    double lowest = Double.MAX_VALUE;
    double highest = Double.MIN_VALUE;
    for (BenchmarkCase benchmarkCase : cases) {
      for (double score : benchmarkCase.bestByLibrary().values()) {
        if (score > 0) {
          lowest = Math.min(lowest, score);
          highest = Math.max(highest, score);
        }
      }
    }
    if (lowest <= highest) {
      styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
      styler.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(highest) + 1e-9)));
      styler.setYAxisLogarithmic(true);
    }
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setAvailableSpaceFill(0.85);
    chart.getStyler().setOverlapped(false);
    for (Library library : present) {
      List<Double> values = new ArrayList<>();
      for (BenchmarkCase benchmarkCase : cases) {
        values.add(benchmarkCase.bestByLibrary().get(library));
      }
      chart.addSeries(library.displayName(), categories, values).setFillColor(COLORS.get(library));
    }
    String fileName = png.toString();
    String withoutExtension =
        fileName.endsWith(".png") ? fileName.substring(0, fileName.length() - 4) : fileName;
    BitmapEncoder.saveBitmap(chart, withoutExtension, BitmapEncoder.BitmapFormat.PNG);
  }

  static String shortLabel(BenchmarkCase benchmarkCase) {
    String simpleName = benchmarkCase.classSimpleName();
    StringBuilder label =
        new StringBuilder(SHORT_NAMES.getOrDefault(simpleName, simpleName.replace("Benchmark", "")));
    if (!benchmarkCase.group().isEmpty()) {
      label.append(' ').append(benchmarkCase.group().split(" ")[0]);
    }
    benchmarkCase.params().values().forEach(value -> label.append(' ').append(value));
    label.append(", ").append(benchmarkCase.threads()).append('t');
    return label.toString();
  }
}
