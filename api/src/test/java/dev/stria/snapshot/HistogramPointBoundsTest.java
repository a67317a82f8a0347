package dev.stria.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramPointBoundsTest {
  private static HistogramPoint point(String route, double[] bounds) {
    long[] counts = new long[bounds.length + 1];
    counts[0] = 1;
    return new HistogramPoint(Labels.of(new String[] {"route"}, new String[] {route}), 1, 2, 1,
        0.5, 0.5, 0.5, bounds, counts);
  }

  @Test
  void seriesWithEqualBoundsShareOneCopyOfThem() {
    double[] bounds = {0.1, 1, 10};

    HistogramPoint first = point("/a", bounds);
    HistogramPoint second = point("/b", bounds.clone());

    assertThat(second.bounds()).isSameAs(first.bounds()).isNotSameAs(bounds);
  }

  @Test
  void theCallersArrayStaysItsOwn() {
    double[] bounds = {0.25, 2.5};
    HistogramPoint first = point("/a", bounds);

    bounds[1] = 99;
    HistogramPoint second = point("/b", bounds);

    assertThat(first.bounds()).containsExactly(0.25, 2.5);
    assertThat(second.bounds()).containsExactly(0.25, 99.0);
  }

  @Test
  void boundsThatDifferAreNotShared() {
    HistogramPoint first = point("/a", new double[] {1, 2});
    HistogramPoint second = point("/b", new double[] {1, 3});
    HistogramPoint third = point("/c", new double[] {-0.0, 3});
    HistogramPoint fourth = point("/d", new double[] {0.0, 3});

    assertThat(second.bounds()).containsExactly(1.0, 3.0);
    assertThat(first.bounds()).containsExactly(1.0, 2.0);
    assertThat(fourth.bounds()).isNotSameAs(third.bounds());
    assertThat(Double.doubleToRawLongBits(third.bounds()[0]))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }
}
