package dev.stria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.snapshot.Labels;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.MetricType;
import dev.stria.snapshot.Temporality;
import dev.stria.snapshot.TemporalitySelector;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What a user object throws during a collection stays with that object's series. */
class CollectionContainmentTest {
  private final MeterRegistry registry = new MeterRegistry();

  static Stream<Supplier<Throwable>> callbackFailures() {
    return Stream.of(
        () -> new IllegalStateException("boom"),
        () -> new AssertionError("assertion in a callback"),
        () -> new NoClassDefFoundError("com/example/Missing"),
        () -> new ExceptionInInitializerError(new RuntimeException("static init")),
        () -> new LinkageError("linkage"));
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @ParameterizedTest
  @MethodSource("callbackFailures")
  void callbackThrowingIsSkippedAndEveryOtherInstrumentCollected(Supplier<Throwable> failure) {
    registry.counter("before").register().inc();
    registry.gauge("broken").labelNames("k").callback(out -> {
      out.record(1, "reported before the throw");
      sneakyThrow(failure.get());
    });
    registry.gauge("after").callback(() -> 2);
    MetricReader cumulative = registry.newReader(Temporality.CUMULATIVE);
    MetricReader delta = registry.newReader(Temporality.DELTA);

    assertThat(cumulative.collect()).extracting(MetricSnapshot::name)
        .containsExactly("before", "after");
    assertThat(delta.collect()).extracting(MetricSnapshot::name)
        .containsExactly("before", "after");
  }

  @Test
  void callbackThatOverflowsItsStackIsSkipped() {
    registry.counter("deep").callback(() -> recurse(0));
    registry.counter("fine").register().add(3);
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);

    List<MetricSnapshot> batch = reader.collect();
    assertThat(batch).extracting(MetricSnapshot::name).containsExactly("fine");
    assertThat(Snapshots.counterValue(batch, "fine", Labels.empty())).isEqualTo(3.0);
  }

  @Test
  void callbackThatRecoversIsReportedAgain() {
    boolean[] failing = {true};
    registry.gauge("flaky").callback(() -> {
      if (failing[0]) {
        throw new AssertionError("not yet");
      }
      return 5;
    });
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThat(reader.collect()).isEmpty();
    failing[0] = false;
    assertThat(Snapshots.gaugeValue(reader.collect(), "flaky", Labels.empty())).isEqualTo(5.0);
  }

  @Test
  void outOfMemoryInACallbackIsNotSwallowed() {
    registry.gauge("hungry").callback(() -> {
      throw new OutOfMemoryError("simulated");
    });
    MetricReader reader = registry.newReader(Temporality.CUMULATIVE);
    assertThatThrownBy(reader::collect).isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void selectorThatThrowsIsRefusedWhenTheReaderIsCreatedNotAtCollection() {
    TemporalitySelector broken = type -> {
      if (type == MetricType.HISTOGRAM) {
        throw new IllegalStateException("no answer for histograms");
      }
      return Temporality.DELTA;
    };
    assertThatThrownBy(() -> registry.newReader(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threw java.lang.IllegalStateException: no answer for histograms")
        .hasMessageContaining("for HISTOGRAM")
        .hasMessageContaining("must answer for every instrument kind");
  }

  @Test
  void selectorThatAnswersNullIsRefused() {
    assertThatThrownBy(() -> registry.newReader(type -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returned null for COUNTER");
  }

  @Test
  void selectorIsAskedOnlyWhenTheReaderIsCreated() {
    int[] asked = {0};
    MetricReader reader = registry.newReader(type -> {
      asked[0]++;
      return Temporality.DELTA;
    });
    int atCreation = asked[0];
    registry.counter("c").register().inc();
    registry.newReader(Temporality.DELTA).collect(); // another reader's drain needs no answer
    reader.collect();
    assertThat(asked[0]).isEqualTo(atCreation).isPositive();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
