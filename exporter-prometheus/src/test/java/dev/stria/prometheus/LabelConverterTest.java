package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.Counter;
import dev.stria.MeterRegistry;
import dev.stria.MetricReader;
import dev.stria.snapshot.Temporality;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The label converter remembers what it returned at each position of the previous scrape; these
 * tests change the order and the set of series between scrapes and check that every series still
 * gets its own labels.
 */
class LabelConverterTest {
  private static dev.stria.snapshot.Labels stria(String value) {
    return dev.stria.snapshot.Labels.of(new String[] {"route"}, new String[] {value});
  }

  private static List<String> convertScrape(LabelConverter converter,
      List<dev.stria.snapshot.Labels> series) {
    List<String> values = new ArrayList<>();
    for (dev.stria.snapshot.Labels labels : series) {
      Labels converted = converter.convert(labels);
      assertThat(converted.size()).isEqualTo(1);
      values.add(converted.get("route"));
    }
    converter.endScrape();
    return values;
  }

  @Test
  void everyOrderAndSetOfSeriesGetsItsOwnLabels() {
    LabelConverter converter = new LabelConverter();
    dev.stria.snapshot.Labels a = stria("a");
    dev.stria.snapshot.Labels b = stria("b");
    dev.stria.snapshot.Labels c = stria("c");
    dev.stria.snapshot.Labels x = stria("x");

    assertThat(convertScrape(converter, List.of(a, b, c))).containsExactly("a", "b", "c");
    assertThat(convertScrape(converter, List.of(a, b, c))).containsExactly("a", "b", "c");
    assertThat(convertScrape(converter, List.of(a, x, b, c)))
        .containsExactly("a", "x", "b", "c");
    assertThat(convertScrape(converter, List.of(c, b, a))).containsExactly("c", "b", "a");
    assertThat(convertScrape(converter, List.of(b))).containsExactly("b");
    assertThat(convertScrape(converter, List.of(stria("a"), b, c, x)))
        .containsExactly("a", "b", "c", "x");
    assertThat(convertScrape(converter, List.of(a, b, c, x)))
        .containsExactly("a", "b", "c", "x");
  }

  @Test
  void seriesThatDisappearAreForgottenAlsoWhenFoundByPosition() {
    LabelConverter converter = new LabelConverter();
    List<dev.stria.snapshot.Labels> many = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      many.add(stria("r" + i));
    }
    convertScrape(converter, many);
    convertScrape(converter, many);
    assertThat(converter.remembered()).isEqualTo(1_000);
    for (int scrape = 0; scrape < 3; scrape++) {
      assertThat(convertScrape(converter, many.subList(0, 2))).containsExactly("r0", "r1");
    }
    assertThat(converter.remembered()).isEqualTo(2);
    assertThat(convertScrape(converter, many.subList(0, 3))).containsExactly("r0", "r1", "r2");
  }

  /**
   * A real registry whose series and instruments change between scrapes: a new series lands
   * among an instrument's others (its series are not reported in creation order), which shifts
   * the positions of every later series, and an instrument is added. Each series' value names its
   * label, and every series must be there.
   */
  @Test
  void aRegistryWhoseSeriesChangeBetweenScrapesKeepsEachSeriesLabels() {
    MeterRegistry registry = new MeterRegistry();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    StriaCollector collector =
        StriaCollector.builder(reader).scopeLabels(false).targetInfo(false).build();
    Counter first = registry.counter("first").labelNames("route").register();
    for (int i = 0; i < 50; i++) {
      first.labels("/r" + i).add(i);
    }
    Counter second = registry.counter("second").labelNames("route").register();
    for (int i = 0; i < 50; i++) {
      second.labels("/r" + i).add(1000 + i);
    }
    for (int scrape = 0; scrape < 6; scrape++) {
      if (scrape == 2) {
        first.labels("/r" + 77).add(77); // a new series of the first instrument
      }
      if (scrape == 3) {
        Counter between = registry.counter("third").labelNames("route").register();
        between.labels("/r" + 5).add(2005);
      }
      if (scrape == 4) {
        first.labels("/r" + 88).add(88);
        second.labels("/r" + 99).add(1099);
      }
      int points = 0;
      for (MetricSnapshot metric : collector.collect()) {
        int base = switch (metric.getMetadata().getName()) {
          case "first" -> 0;
          case "second" -> 1000;
          default -> 2000;
        };
        for (CounterDataPointSnapshot point : ((CounterSnapshot) metric).getDataPoints()) {
          String route = point.getLabels().get("route");
          assertThat(point.getValue()).as(metric.getMetadata().getName() + " " + route)
              .isEqualTo(base + Integer.parseInt(route.substring(2)));
          points++;
        }
      }
      // A series given another's labels would make a duplicate and lose its whole metric.
      int expected = 100 + (scrape >= 2 ? 1 : 0) + (scrape >= 3 ? 1 : 0) + (scrape >= 4 ? 2 : 0);
      assertThat(points).as("series in scrape " + scrape).isEqualTo(expected);
    }
    reader.close();
  }
}
