package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BarTest {
  static final TickScale CENTS = TickScale.of(new BigDecimal("0.01"));

  @Test
  void aBarHoldingTicksReadsEachPriceAsTheDoubleOfItsDecimal() {
    Bar b = new Bar();
    b.setTicks(60_000, 119_999, 3_000_001, 3_000_517, 2_999_903, 3_000_010, CENTS, 2.5);

    assertThat(b.openTime()).isEqualTo(60_000);
    assertThat(b.closeTime()).isEqualTo(119_999);
    assertThat(b.open()).isEqualTo(new BigDecimal("30000.01").doubleValue());
    assertThat(b.high()).isEqualTo(new BigDecimal("30005.17").doubleValue());
    assertThat(b.low()).isEqualTo(new BigDecimal("29999.03").doubleValue());
    assertThat(b.close()).isEqualTo(new BigDecimal("30000.10").doubleValue());
    assertThat(b.volume()).isEqualTo(2.5);
    // read twice, the same double
    assertThat(b.high()).isEqualTo(b.high());
    assertThat(b).hasToString("Bar[60000 o=30000.01 h=30005.17 l=29999.03 c=30000.1]");
  }

  @Test
  void aReusedBarSetFromDoublesAfterTicksReadsTheDoubles() {
    Bar b = new Bar();
    b.setTicks(0, 59_999, 100, 300, 50, 200, CENTS, 1);

    b.set(60_000, 119_999, 7.5, 9.25, 6.0, 8.0, 3);

    assertThat(b.open()).isEqualTo(7.5);
    assertThat(b.high()).isEqualTo(9.25);
    assertThat(b.low()).isEqualTo(6.0);
    assertThat(b.close()).isEqualTo(8.0);
    assertThat(b.volume()).isEqualTo(3);
  }

  @Test
  void aReusedBarSetFromTicksAfterDoublesReadsTheTicks() {
    Bar b = Bar.of(0, 59_999, 7.5, 9.25, 6.0, 8.0, 3);

    b.setTicks(60_000, 119_999, 101, 303, 55, 202, CENTS, 1);

    assertThat(b.open()).isEqualTo(1.01);
    assertThat(b.high()).isEqualTo(3.03);
    assertThat(b.low()).isEqualTo(0.55);
    assertThat(b.close()).isEqualTo(2.02);
  }
}
