package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The indexer against an independent reference: the specification's definition, bucket {@code i}
 * covers {@code (2^(i/2^s), 2^((i+1)/2^s)]}, decided with exact {@link BigDecimal} powers of two
 * for {@code s <= 0} and 60-digit {@code BigDecimal} square-root chains for {@code s > 0}. The
 * reference starts from a {@code Math.log} estimate and walks to the bucket whose bounds hold the
 * value, so it shares no code or table with the class under test.
 */
class ExponentialIndexerTest {
  private static final MathContext DIGITS_60 = new MathContext(60);

  /** ROOTS[k] = 2^(1/2^k). */
  private static final BigDecimal[] ROOTS = new BigDecimal[21];

  static {
    ROOTS[0] = BigDecimal.valueOf(2);
    for (int k = 1; k < ROOTS.length; k++) {
      ROOTS[k] = ROOTS[k - 1].sqrt(DIGITS_60);
    }
  }

  static IntStream allScales() {
    return IntStream.rangeClosed(-10, 20);
  }

  @ParameterizedTest(name = "scale {0}")
  @MethodSource("allScales")
  void indexEqualsTheSpecificationJustBelowAtAndJustAboveEveryBoundary(int scale) {
    ExponentialIndexer indexer = ExponentialIndexer.forScale(scale);
    List<Double> boundaries = boundaries(scale);
    // s <= 0: every boundary of the double range; s > 0: a sample of at least 400
    assertThat(boundaries).hasSizeGreaterThanOrEqualTo(scale <= 0 ? 2097 >> -scale : 400);
    List<Double> probes = new ArrayList<>();
    for (double boundary : boundaries) {
      double below = Math.nextDown(boundary);
      double above = Math.nextUp(boundary);
      for (double v :
          new double[] {Math.nextDown(below), below, boundary, above, Math.nextUp(above)}) {
        if (v > 0 && v <= Double.MAX_VALUE) {
          probes.add(v);
        }
      }
    }
    for (double v : probes) {
      assertThat(indexer.index(v)).as("index of %s at scale %d", v, scale).isEqualTo(reference(v, scale));
    }
  }

  @ParameterizedTest(name = "scale {0}")
  @MethodSource("allScales")
  void indexEqualsTheSpecificationForRandomNormalAndSubnormalValues(int scale) {
    ExponentialIndexer indexer = ExponentialIndexer.forScale(scale);
    SplittableRandom random = new SplittableRandom(scale * 31L + 7);
    for (int n = 0; n < 600; n++) {
      double normal = Double.longBitsToDouble(random.nextLong(1L, 0x7FF0_0000_0000_0000L));
      double subnormal = Double.longBitsToDouble(random.nextLong(1L, 1L << 52));
      assertThat(indexer.index(normal)).as("index of %s", normal).isEqualTo(reference(normal, scale));
      assertThat(indexer.index(subnormal))
          .as("index of %s", subnormal)
          .isEqualTo(reference(subnormal, scale));
    }
  }

  @Test
  void exactPowersOfTwoAreTheUpperBoundOfTheirBucket() {
    assertThat(ExponentialIndexer.forScale(0).index(1.0)).isEqualTo(-1);
    assertThat(ExponentialIndexer.forScale(0).index(2.0)).isEqualTo(0);
    assertThat(ExponentialIndexer.forScale(0).index(3.0)).isEqualTo(1);
    assertThat(ExponentialIndexer.forScale(3).index(1.0)).isEqualTo(-1);
    assertThat(ExponentialIndexer.forScale(3).index(0.5)).isEqualTo(-9);
    assertThat(ExponentialIndexer.forScale(-1).index(4.0)).isEqualTo(0);
    assertThat(ExponentialIndexer.forScale(-1).index(Math.nextUp(4.0))).isEqualTo(1);
    assertThat(ExponentialIndexer.forScale(20).index(1024.0)).isEqualTo(10 * (1 << 20) - 1);
  }

  @Test
  void extremesOfTheDoubleRangeHaveTheSpecifiedIndexes() {
    assertThat(ExponentialIndexer.forScale(0).index(Double.MIN_VALUE)).isEqualTo(-1075);
    assertThat(ExponentialIndexer.forScale(0).index(Double.MAX_VALUE)).isEqualTo(1023);
    assertThat(ExponentialIndexer.forScale(20).index(Double.MIN_VALUE)).isEqualTo(-1074 * (1 << 20) - 1);
    assertThat(ExponentialIndexer.forScale(20).index(Double.MAX_VALUE)).isEqualTo(1024 * (1 << 20) - 1);
    assertThat(ExponentialIndexer.forScale(-10).index(Double.MIN_VALUE)).isEqualTo(-2);
    assertThat(ExponentialIndexer.forScale(-10).index(Double.MAX_VALUE)).isEqualTo(0);
  }

  @Test
  void anIndexerIsBuiltOncePerScale() {
    assertThat(ExponentialIndexer.forScale(7)).isSameAs(ExponentialIndexer.forScale(7));
    assertThat(ExponentialIndexer.forScale(7).scale()).isEqualTo(7);
  }

  @Test
  void scalesOutsideTheSpecificationAreRejected() {
    assertThatThrownBy(() -> ExponentialIndexer.forScale(21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("21");
    assertThatThrownBy(() -> ExponentialIndexer.forScale(-11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-11");
  }

  // ---- the reference ----

  /** The double nearest each boundary {@code 2^(i/2^s)} in a sample covering the double range. */
  private static List<Double> boundaries(int scale) {
    List<Double> result = new ArrayList<>();
    if (scale <= 0) {
      int step = 1 << -scale;
      for (int e = -1074 - step; e <= 1023 + step; e++) {
        if (Math.floorMod(e, step) == 0 && e >= -1074 && e <= 1023) {
          result.add(Math.scalb(1.0, e));
        }
      }
      return result;
    }
    int perOctave = 1 << scale;
    SplittableRandom random = new SplittableRandom(scale);
    int exponentStep = scale <= 4 ? 1 << (scale - 1) : scale <= 10 ? 23 : 61;
    List<Integer> exponents = new ArrayList<>();
    for (int q = -1074; q <= 1023; q += exponentStep) {
      exponents.add(q);
    }
    exponents.addAll(List.of(-1073, -1052, -1023, -1022, -1, 0, 1, 1022, 1023));
    for (int q : exponents) {
      List<Integer> fractions = new ArrayList<>();
      if (perOctave <= 16) {
        IntStream.range(0, perOctave).forEach(fractions::add);
      } else {
        fractions.addAll(List.of(0, 1, 2, perOctave / 2, perOctave - 2, perOctave - 1));
        for (int n = 0; n < 4; n++) {
          fractions.add(random.nextInt(perOctave));
        }
      }
      for (int r : fractions) {
        result.add(Math.scalb(fractionalPower(r, scale).doubleValue(), q));
      }
    }
    return result;
  }

  /** The specification's index: the i with 2^(i/2^s) < v <= 2^((i+1)/2^s). */
  private static int reference(double v, int scale) {
    double estimate = Math.log(v) / Math.log(2) * Math.scalb(1.0, scale);
    long i = (long) Math.ceil(estimate) - 1;
    while (!exceedsBoundary(v, i, scale)) {
      i--;
    }
    while (exceedsBoundary(v, i + 1, scale)) {
      i++;
    }
    return Math.toIntExact(i);
  }

  /** Whether v > 2^(i/2^s), decided exactly (s <= 0) or to 60 digits (s > 0). */
  private static boolean exceedsBoundary(double v, long i, int scale) {
    long q = scale <= 0 ? i << -scale : Math.floorDiv(i, 1L << scale);
    BigDecimal fraction =
        scale <= 0 ? BigDecimal.ONE : fractionalPower((int) Math.floorMod(i, 1L << scale), scale);
    // v > 2^q * f  <=>  v / 2^q > f; dividing by 2^q is exact when the quotient is a normal double.
    double scaled = Math.abs(q) < 4000 ? Math.scalb(v, (int) -q) : 0;
    if (scaled >= Double.MIN_NORMAL && scaled <= Double.MAX_VALUE && Math.scalb(scaled, (int) q) == v) {
      return new BigDecimal(scaled).compareTo(fraction) > 0;
    }
    return new BigDecimal(v).compareTo(powerOfTwo(q).multiply(fraction)) > 0;
  }

  /** 2^e exactly. */
  private static BigDecimal powerOfTwo(long e) {
    if (e >= 0) {
      return new BigDecimal(BigInteger.ONE.shiftLeft(Math.toIntExact(e)));
    }
    // 2^-n = 5^n / 10^n
    int n = Math.toIntExact(-e);
    return new BigDecimal(BigInteger.valueOf(5).pow(n), n);
  }

  /** 2^(r/2^s) for 0 <= r < 2^s: the product of 2^(2^b/2^s) = ROOTS[s-b] over r's set bits b. */
  private static BigDecimal fractionalPower(int r, int scale) {
    BigDecimal result = BigDecimal.ONE;
    for (int b = 0; b < scale; b++) {
      if ((r & (1 << b)) != 0) {
        result = result.multiply(ROOTS[scale - b], DIGITS_60);
      }
    }
    return result;
  }
}
