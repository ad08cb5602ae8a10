package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalGridTest {
  private static final RoundingMode[] MODES = {
    RoundingMode.FLOOR,
    RoundingMode.DOWN,
    RoundingMode.CEILING,
    RoundingMode.UP,
    RoundingMode.HALF_UP,
    RoundingMode.HALF_DOWN,
    RoundingMode.HALF_EVEN
  };

  @Test
  void theLongPathSnapsExactlyAsTheDecimalPathForRandomPricesGridsAndModes() {
    SplittableRandom r = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal step = BigDecimal.valueOf(1 + r.nextInt(50), r.nextInt(9));
      BigDecimal origin = BigDecimal.valueOf(r.nextInt(3), r.nextInt(9));
      BigDecimal value = BigDecimal.valueOf(r.nextLong(1, 10_000_000_000L), r.nextInt(12));
      if (i % 7 == 0) {
        value = origin.add(step.multiply(BigDecimal.valueOf(r.nextInt(1000)))); // on the grid
      }
      for (RoundingMode mode : MODES) {
        assertThat(DecimalGrid.snap(value, origin, step, mode))
            .as("%s on %s + k·%s, %s", value, origin, step, mode)
            .isEqualTo(DecimalGrid.snapInDecimals(value, origin, step, mode));
      }
      assertThat(DecimalGrid.isOnGrid(value, origin, step))
          .isEqualTo(value.subtract(origin).remainder(step).signum() == 0);
    }
  }

  @Test
  void tiesFollowTheModeAndResultsAreNormalized() {
    BigDecimal tick = new BigDecimal("0.10");
    BigDecimal zero = BigDecimal.ZERO;
    assertThat(DecimalGrid.snap(new BigDecimal("100.25"), zero, tick, RoundingMode.HALF_EVEN))
        .isEqualTo(new BigDecimal("100.2"));
    assertThat(DecimalGrid.snap(new BigDecimal("100.35"), zero, tick, RoundingMode.HALF_EVEN))
        .isEqualTo(new BigDecimal("100.4"));
    assertThat(DecimalGrid.snap(new BigDecimal("100.25"), zero, tick, RoundingMode.HALF_DOWN))
        .isEqualTo(new BigDecimal("100.2"));
    assertThat(DecimalGrid.snap(new BigDecimal("100.25"), zero, tick, RoundingMode.HALF_UP))
        .isEqualTo(new BigDecimal("100.3"));
    assertThat(DecimalGrid.snap(new BigDecimal("999.99"), zero, tick, RoundingMode.CEILING))
        .isEqualTo(new BigDecimal("1000"))
        .hasToString("1000");
    assertThat(DecimalGrid.snap(new BigDecimal("0.04"), zero, tick, RoundingMode.DOWN))
        .isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void hugeOrFineValuesTakeTheDecimalPathWithTheSameResult() {
    BigDecimal step = new BigDecimal("0.001");
    BigDecimal huge = new BigDecimal("123456789012345678901234.56789");
    BigDecimal fine = new BigDecimal("1.0000000000000000000004");
    for (RoundingMode mode : MODES) {
      assertThat(DecimalGrid.snap(huge, BigDecimal.ZERO, step, mode))
          .isEqualTo(DecimalGrid.snapInDecimals(huge, BigDecimal.ZERO, step, mode));
      assertThat(DecimalGrid.snap(fine, BigDecimal.ZERO, step, mode))
          .isEqualTo(DecimalGrid.snapInDecimals(fine, BigDecimal.ZERO, step, mode));
    }
  }

  @Test
  void anOffGridValueUnderUnnecessaryStillThrows() {
    assertThatThrownBy(
            () ->
                DecimalGrid.snap(
                    new BigDecimal("1.05"),
                    BigDecimal.ZERO,
                    new BigDecimal("0.1"),
                    RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("UNNECESSARY");
    assertThat(
            DecimalGrid.snap(
                new BigDecimal("1.10"),
                BigDecimal.ZERO,
                new BigDecimal("0.1"),
                RoundingMode.UNNECESSARY))
        .isEqualTo(new BigDecimal("1.1"));
  }
}
