package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.CounterPoint;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Temporality;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fixed-arity {@code labels(...)} overloads against the varargs one they stand for. */
class LabelLookupTest {
  private final MeterRegistry registry = new MeterRegistry();

  @Test
  void eachOverloadFindsTheSeriesTheVarargsFormFinds() {
    Counter one = registry.counter("one").labelNames("a").register();
    Histogram two = registry.histogram("two").labelNames("a", "b").register();
    Gauge three = registry.gauge("three").labelNames("a", "b", "c").register();
    UpDownCounter four = registry.upDownCounter("four").labelNames("a", "b", "c", "d").register();

    // Created through the overload, found through varargs, and the other way round.
    assertThat(one.labels(new String[] {"x"})).isSameAs(one.labels("x"));
    assertThat(one.labels("y")).isSameAs(one.labels(new String[] {"y"}));
    assertThat(two.labels(new String[] {"x", "y"})).isSameAs(two.labels("x", "y"));
    assertThat(two.labels("y", "x")).isSameAs(two.labels(new String[] {"y", "x"}));
    assertThat(three.labels(new String[] {"x", "y", "z"})).isSameAs(three.labels("x", "y", "z"));
    assertThat(three.labels("z", "y", "x")).isSameAs(three.labels(new String[] {"z", "y", "x"}));
    assertThat(four.labels("w", "x", "y", "z")).isSameAs(four.labels("w", "x", "y", "z"));

    assertThat(two.labels("x", "y")).isNotSameAs(two.labels("y", "x"));
    assertThat(three.labels("x", "y", "z").labels().values()).containsExactly("x", "y", "z");
    assertThat(registry.newReader(Temporality.CUMULATIVE).collect())
        .extracting(snapshot -> snapshot.points().size())
        .containsExactly(2, 2, 2, 1); // one series per distinct label set, however looked up
  }

  @Test
  void equalButDistinctStringsFindTheSameSeries() {
    Counter requests = registry.counter("requests").labelNames("method", "status").register();
    Counter.Series series = requests.labels("GET", "200");
    assertThat(requests.labels(new String("GET"), new String("200"))).isSameAs(series);
    assertThat(requests.labels(new StringBuilder("GE").append('T').toString(), "200"))
        .isSameAs(series);
  }

  @Test
  void valuesWithEqualHashesAreDifferentSeries() {
    // "Aa" and "BB" have the same String.hashCode, so these keys collide in full.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Counter one = registry.counter("one").labelNames("a").register();
    Counter two = registry.counter("two").labelNames("a", "b").register();
    Counter three = registry.counter("three").labelNames("a", "b", "c").register();
    one.labels("Aa").inc();
    one.labels("BB").add(2);
    two.labels("Aa", "BB").inc();
    two.labels("BB", "Aa").add(2);
    three.labels("Aa", "BB", "Aa").inc();
    three.labels("BB", "Aa", "BB").add(2);
    three.labels("Aa", "Aa", "BB").add(4);

    assertThat(one.labels("Aa")).isNotSameAs(one.labels("BB"));
    assertThat(one.labels("BB").labels().values()).containsExactly("BB");
    assertThat(two.labels("BB", "Aa").labels().values()).containsExactly("BB", "Aa");
    assertThat(three.labels("Aa", "Aa", "BB").labels().values()).containsExactly("Aa", "Aa", "BB");
    List<MetricSnapshot> snapshots = registry.newReader(Temporality.CUMULATIVE).collect();
    assertThat(snapshots).hasSize(3);
    for (MetricSnapshot snapshot : snapshots) {
      double total = 0;
      for (var point : snapshot.points()) {
        total += ((CounterPoint) point).value();
      }
      assertThat(total).as(snapshot.name()).isEqualTo(snapshot.name().equals("three") ? 7 : 3);
      assertThat(snapshot.points()).hasSize(snapshot.name().equals("three") ? 3 : 2);
    }
  }

  /**
   * Keys with one hash that differ only in their last value: the fixed-arity lookups compare the
   * first two values the index entry keeps and the third from the key, each of which must count.
   */
  @Test
  void valuesCollidingInFullAndDifferingOnlyInTheLastAreDifferentSeries() {
    Counter two = registry.counter("two").labelNames("a", "b").register();
    Counter three = registry.counter("three").labelNames("a", "b", "c").register();
    Counter.Series twoAa = two.labels("x", "Aa");
    Counter.Series twoBb = two.labels("x", "BB");
    Counter.Series threeAa = three.labels("x", "y", "Aa");
    Counter.Series threeBb = three.labels("x", "y", "BB");

    assertThat(twoBb).isNotSameAs(twoAa);
    assertThat(threeBb).isNotSameAs(threeAa);
    assertThat(two.labels("x", "Aa")).isSameAs(twoAa);
    assertThat(two.labels("x", "BB")).isSameAs(twoBb);
    assertThat(two.labels(new String[] {"x", "BB"})).isSameAs(twoBb);
    assertThat(three.labels("x", "y", "Aa")).isSameAs(threeAa);
    assertThat(three.labels("x", "y", "BB")).isSameAs(threeBb);
    assertThat(three.labels(new String[] {"x", "y", "BB"})).isSameAs(threeBb);
    assertThat(twoBb.labels().values()).containsExactly("x", "BB");
    assertThat(threeBb.labels().values()).containsExactly("x", "y", "BB");
  }

  @Test
  void aWrongNumberOfValuesNamesTheInstrumentItsLabelNamesAndTheValues() {
    Counter none = registry.counter("none").register();
    Counter one = registry.counter("one").labelNames("method").register();
    Counter two = registry.counter("two").labelNames("method", "status").register();
    Counter three = registry.counter("three").labelNames("method", "status", "route").register();

    assertThatThrownBy(() -> none.labels("GET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'none' has label names [] and needs 0 label values, got [GET]");
    assertThatThrownBy(() -> one.labels("GET", "200"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'one' has label names [method] and needs 1 label values, got [GET, 200]");
    assertThatThrownBy(() -> two.labels("GET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'two' has label names [method, status] and needs 2 label values, got [GET]");
    assertThatThrownBy(() -> two.labels("GET", "200", "/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'two' has label names [method, status] and needs 2 label values,"
            + " got [GET, 200, /]");
    assertThatThrownBy(() -> three.labels("GET", "200"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'three' has label names [method, status, route] and needs 3 label values,"
            + " got [GET, 200]");
    assertThatThrownBy(() -> three.labels("GET", "200", "/", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 3 label values, got [GET, 200, /, x]");
    // A wrong arity with a null value is still reported as the arity.
    assertThatThrownBy(() -> two.labels((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 2 label values, got [null]");
    assertThatThrownBy(() -> one.labels((String[]) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 1 label values, got null");
    assertThat(registry.newReader(Temporality.CUMULATIVE).collect())
        .extracting(MetricSnapshot::name)
        .containsExactly("none"); // its unlabelled series; the rejected calls created none
  }

  @Test
  void aNullValueIsRejectedInEveryPositionAndCreatesNoSeries() {
    Counter one = registry.counter("one").labelNames("a").register();
    Counter two = registry.counter("two").labelNames("a", "b").register();
    Counter three = registry.counter("three").labelNames("a", "b", "c").register();
    List<Runnable> calls = List.of(
        () -> one.labels((String) null),
        () -> two.labels(null, "y"),
        () -> two.labels("x", null),
        () -> three.labels(null, "y", "z"),
        () -> three.labels("x", null, "z"),
        () -> three.labels("x", "y", null),
        () -> three.labels(new String[] {"x", "y", null}));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("label values of '")
          .hasMessageContaining("' must not be null: [a")
          .satisfiesAnyOf(
              e -> assertThat(e).hasMessageContaining("= [null"),
              e -> assertThat(e).hasMessageContaining(", null"));
    }
    assertThatThrownBy(() -> two.labels("x", null))
        .hasMessage("label values of 'two' must not be null: [a, b] = [x, null]");
    two.labels("x", "y").inc();
    assertThat(registry.newReader(Temporality.CUMULATIVE).collect().get(0).points()).hasSize(1);
  }

  @Test
  void callersReusingTheirOwnArrayDoNotChangeTheSeriesKey() {
    Counter two = registry.counter("two").labelNames("a", "b").register();
    String[] values = {"x", "y"};
    Counter.Series xy = two.labels(values);
    values[1] = "z";
    assertThat(two.labels("x", "y")).isSameAs(xy);
    assertThat(two.labels("x", "z")).isNotSameAs(xy);
  }

  @Test
  void lookingUpAnExistingSeriesAllocatesNothing() {
    Counter one = registry.counter("one").labelNames("a").register();
    Counter two = registry.counter("two").labelNames("a", "b").register();
    Counter three = registry.counter("three").labelNames("a", "b", "c").register();
    String[] routes = new String[128];
    for (int i = 0; i < routes.length; i++) {
      routes[i] = "/route/" + i;
      one.labels(routes[i]);
      two.labels("GET", routes[i]);
      three.labels("GET", routes[i], "200");
    }
    int found = 0;
    long before = AllocatedBytes.ofThisThread();
    for (int i = 0; i < 100_000; i++) {
      String route = routes[i & 127];
      found += one.labels(route) != null ? 1 : 0;
      found += two.labels("GET", route) != null ? 1 : 0;
      found += three.labels("GET", route, "200") != null ? 1 : 0;
    }
    long allocated = AllocatedBytes.ofThisThread() - before;
    assertThat(found).isEqualTo(300_000);
    // An array per lookup would be 300,000 x 16+ bytes; allow a little for the probe itself.
    assertThat(allocated).isLessThan(64 * 1024);
  }

  @Test
  void overloadedLookupsRacingCreationsFindTheOneSeriesOfALabelSet() throws Exception {
    Counter counter = registry.counter("requests").labelNames("route", "status")
        .cardinalityLimit(100_000).register();
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    int labelSets = 20_000;
    int threadCount = 4;
    AtomicBoolean go = new AtomicBoolean();
    AtomicInteger mismatches = new AtomicInteger();
    AtomicInteger running = new AtomicInteger(threadCount);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < threadCount; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        while (!go.get()) {
          Thread.onSpinWait();
        }
        for (int i = 0; i < labelSets; i++) {
          int k = (i * 7 + offset * 13) % labelSets;
          String route = "route" + (k % 7);
          String status = "status" + k;
          // Half the threads create through the overload, half through varargs; each checks
          // the other form finds the same series.
          Counter.Series first = offset % 2 == 0
              ? counter.labels(route, status)
              : counter.labels(new String[] {route, status});
          Counter.Series again = offset % 2 == 0
              ? counter.labels(new String[] {route, status})
              : counter.labels(new String(route), new String(status));
          if (first != again) {
            mismatches.incrementAndGet();
          }
          first.inc();
        }
        running.decrementAndGet();
      }));
    }
    threads.forEach(Thread::start);
    go.set(true);
    int overlapping = 0;
    while (running.get() > 0) {
      reader.collect();
      if (running.get() > 0) {
        overlapping++;
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(mismatches).hasValue(0);
    assertThat(overlapping).as("collections while the threads wrote").isPositive();
    MetricSnapshot snapshot = Snapshots.only(reader.collect());
    assertThat(snapshot.points()).hasSize(labelSets);
    double total = 0;
    for (var point : snapshot.points()) {
      total += ((CounterPoint) point).value();
    }
    assertThat(total).isEqualTo((double) threadCount * labelSets);
  }
}
