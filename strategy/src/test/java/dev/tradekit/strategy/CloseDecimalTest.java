package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The close the engine hands its risk checks is the tick-grid decimal of the bar's close, read
 * without a text conversion, with the value {@code BigDecimal.valueOf(close)} has.
 */
class CloseDecimalTest {
  private static final String[] TICKS = {
    "0.01", "0.1", "0.5", "1", "10", "0.25", "0.001", "0.0001", "0.00001", "0.00000001", "0.05"
  };

  @Test
  void aCloseOnTheTickGridHasTheValueOfBigDecimalValueOf() {
    SplittableRandom r = new SplittableRandom(42);
    for (String t : TICKS) {
      TickScale scale = TickScale.of(new BigDecimal(t));
      for (int i = 0; i < 200_000; i++) {
        long ticks = 1 + r.nextLong(1L << (1 + r.nextInt(46)));
        double close = scale.toDouble(ticks);

        BigDecimal decimal = WishOrders.decimal(scale, close);

        assertThat(decimal.compareTo(BigDecimal.valueOf(close)))
            .as("tick %s, %d ticks, close %s", t, ticks, close)
            .isZero();
      }
    }
  }

  @Test
  void aCloseOnTheGridIsItsGridDecimalWithoutTrailingZeros() {
    TickScale cents = TickScale.of(new BigDecimal("0.01"));
    assertThat(WishOrders.decimal(cents, 100.1)).isEqualTo(new BigDecimal("100.1"));
    assertThat(WishOrders.decimal(cents, 64_000.0)).isEqualTo(new BigDecimal("64000"));
  }

  @Test
  void aCloseOffTheGridOrWithoutAGridIsBigDecimalValueOf() {
    TickScale cents = TickScale.of(new BigDecimal("0.01"));
    for (double close : new double[] {100.123, 0.001, 1e-9, 3.3333333333333335, 1e20}) {
      assertThat(WishOrders.decimal(cents, close)).isEqualTo(BigDecimal.valueOf(close));
      assertThat(WishOrders.decimal(null, close)).isEqualTo(BigDecimal.valueOf(close));
    }
  }
}
