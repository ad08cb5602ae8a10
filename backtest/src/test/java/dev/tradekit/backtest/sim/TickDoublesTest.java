package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Remembered tick conversions are the conversion's own doubles, bit for bit. */
class TickDoublesTest {

  @Test
  void everyTickCountOfAFreshTableIsConvertedExactlyIncludingTheEmptySlotsMarks() {
    TickScale scale = TickScale.of(new BigDecimal("0.01"));
    TickDoubles doubles = new TickDoubles(scale);
    for (long ticks = -2 * TickDoubles.SIZE; ticks <= 2 * TickDoubles.SIZE + 1; ticks++) {
      assertThat(doubles.of(ticks)).as("ticks %d", ticks).isEqualTo(scale.toDouble(ticks));
    }
  }

  @Test
  void aRandomWalkWithCollidingSlotsAndHugeCountsGetsTheSameBitsAsTheScale() {
    for (String tick : new String[] {"0.01", "0.1", "0.5", "10", "0.00001", "0.3"}) {
      TickScale scale = TickScale.of(new BigDecimal(tick));
      TickDoubles doubles = new TickDoubles(scale);
      Random random = new Random(tick.hashCode());
      long ticks = 3_000_000;
      for (int i = 0; i < 20_000; i++) {
        int kind = random.nextInt(10);
        if (kind < 7) {
          ticks += random.nextInt(21) - 10; // a walk: mostly remembered
        } else if (kind < 9) {
          ticks += TickDoubles.SIZE * (random.nextInt(5) - 2L); // the same slot, another price
        } else {
          ticks = random.nextLong() >> random.nextInt(20); // beyond an exact double, negative
        }
        long expected = Double.doubleToRawLongBits(scale.toDouble(ticks));
        long first = Double.doubleToRawLongBits(doubles.of(ticks));
        long again = Double.doubleToRawLongBits(doubles.of(ticks));
        assertThat(first).as("tick %s, ticks %d", tick, ticks).isEqualTo(expected);
        assertThat(again).as("tick %s, ticks %d remembered", tick, ticks).isEqualTo(expected);
      }
    }
  }
}
