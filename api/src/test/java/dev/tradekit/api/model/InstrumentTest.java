package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** {@link Instrument} with synthetic filters: builder rules, grid edge cases, disabled rules. */
class InstrumentTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static Instrument.Builder base() {
    return Instrument.builder()
        .symbol("XUSDT")
        .baseAsset("X")
        .quoteAsset("USDT")
        .tickSize(d("0.1"))
        .stepSize(d("0.01"));
  }

  @Test
  void builderAppliesDocumentedDefaults() {
    Instrument in = base().tickSize(d("0.0010")).stepSize(d("1")).build();
    assertThat(in.marginAsset()).isEqualTo("USDT");
    assertThat(in.trading()).isTrue();
    assertThat(in.minPrice()).isZero();
    assertThat(in.minNotional()).isZero();
    assertThat(in.percentPriceUp()).isNull();
    assertThat(in.maxNumOrders()).isZero();
    assertThat(in.pricePrecision()).isEqualTo(3);
    assertThat(in.quantityPrecision()).isZero();
    assertThat(in.tickSize()).hasToString("0.001");
  }

  @Test
  void builderNamesTheMissingOrBrokenField() {
    assertThatThrownBy(() -> Instrument.builder().symbol("X").baseAsset("X").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("quoteAsset");
    assertThatThrownBy(
            () ->
                Instrument.builder()
                    .symbol("X")
                    .baseAsset("X")
                    .quoteAsset("USDT")
                    .stepSize(d("1"))
                    .build())
        .hasMessage("tickSize");
    assertThatThrownBy(() -> base().symbol(" ").build()).hasMessage("symbol must not be blank");
    assertThatThrownBy(() -> base().minPrice(d("-1")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minPrice must be >= 0 but was -1");
    assertThatThrownBy(() -> base().minQty(d("5")).maxQty(d("1")).build())
        .hasMessage("minQty 5 must not exceed maxQty 1");
    assertThatThrownBy(() -> base().percentPriceUp(d("0.95")).build())
        .hasMessageStartingWith("percentPriceUp must be >= 1")
        .hasMessageEndingWith("but was 0.95");
    assertThatThrownBy(() -> base().percentPriceDown(d("1.05")).build())
        .hasMessageStartingWith("percentPriceDown must be in (0, 1]");
    assertThatThrownBy(() -> base().maxNumOrders(-1).build())
        .hasMessage("maxNumOrders must be >= 0 but was -1");
  }

  @Test
  void equalFiltersWrittenWithDifferentScalesGiveEqualInstruments() {
    assertThat(base().tickSize(d("0.10")).minPrice(d("1.000")).pricePrecision(1).build())
        .isEqualTo(base().tickSize(d("0.1")).minPrice(d("1")).pricePrecision(1).build());
  }

  @Test
  void gridStartsAtMinPriceWhenItIsNotAMultipleOfTheTick() {
    Instrument in = base().minPrice(d("0.05")).build();
    assertThat(in.roundPrice(d("1.23"), RoundingMode.DOWN)).hasToString("1.15");
    assertThat(in.roundPrice(d("1.23"), RoundingMode.UP)).hasToString("1.25");
    assertThat(in.roundPrice(d("1.25"), RoundingMode.UNNECESSARY)).hasToString("1.25");
  }

  @Test
  void halfModesBreakTiesAsDocumented() {
    Instrument in = base().build();
    assertThat(in.roundPrice(d("1.25"), RoundingMode.HALF_UP)).hasToString("1.3");
    assertThat(in.roundPrice(d("1.25"), RoundingMode.HALF_DOWN)).hasToString("1.2");
    assertThat(in.roundPrice(d("1.25"), RoundingMode.HALF_EVEN)).hasToString("1.2");
    assertThat(in.roundPrice(d("1.35"), RoundingMode.HALF_EVEN)).hasToString("1.4");
    assertThat(in.roundPrice(d("1.26"), RoundingMode.HALF_DOWN)).hasToString("1.3");
    assertThat(in.roundPrice(d("1.24"), RoundingMode.HALF_UP)).hasToString("1.2");
  }

  @Test
  void downLowersAndUpRaisesEvenBelowTheGridOrigin() {
    Instrument in = base().minPrice(d("100")).tickSize(d("0.5")).build();
    assertThat(in.roundPrice(d("10.3"), RoundingMode.DOWN)).hasToString("10");
    assertThat(in.roundPrice(d("10.3"), RoundingMode.UP)).hasToString("10.5");
  }

  @Test
  void unnecessaryRoundingOffTheGridThrows() {
    assertThatThrownBy(() -> base().build().roundPrice(d("1.23"), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("1.23 is not on the grid of step 0.1");
  }

  @Test
  void roundingRejectsNonPositiveValues() {
    Instrument in = base().build();
    assertThatThrownBy(() -> in.roundPrice(BigDecimal.ZERO, RoundingMode.DOWN))
        .hasMessage("price must be > 0 but was 0");
    assertThatThrownBy(() -> in.roundQuantity(d("-1"), OrderType.LIMIT))
        .hasMessage("quantity must be > 0 but was -1");
  }

  @Test
  void zeroTickAndStepDisableRoundingAndGridRules() {
    Instrument in = base().tickSize(BigDecimal.ZERO).stepSize(BigDecimal.ZERO).build();
    assertThat(in.roundPrice(d("1.23456000"), RoundingMode.DOWN)).hasToString("1.23456");
    assertThat(in.roundQuantity(d("0.333"), OrderType.LIMIT)).hasToString("0.333");
    assertThat(in.violations(OrderRequest.limit("XUSDT", Side.BUY, d("0.333"), d("1.23456")), null))
        .isEmpty();
    assertThatThrownBy(() -> in.toTicks(d("1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("XUSDT has no tick size (0): prices have no tick grid");
  }

  @Test
  void marketLotFieldsFallBackToLotFieldsWhenZero() {
    Instrument in = base().minQty(d("0.01")).maxQty(d("100")).marketMaxQty(d("10")).build();
    assertThat(in.roundQuantity(d("1.239"), OrderType.MARKET)).hasToString("1.23");
    assertThat(in.violations(OrderRequest.market("XUSDT", Side.BUY, d("0.005")), null))
        .containsExactly(
            "quantity 0.005 is off the MARKET_LOT_SIZE step: (quantity - minQty 0.01) must be a"
                + " multiple of stepSize 0.01; round it down with roundQuantity to 0",
            "quantity 0.005 is below MARKET_LOT_SIZE minQty 0.01; raise it to at least 0.01");
    assertThat(in.violations(OrderRequest.market("XUSDT", Side.BUY, d("11")), null))
        .singleElement()
        .asString()
        .startsWith("quantity 11 is above MARKET_LOT_SIZE maxQty 10");
    Instrument coarse = base().marketStepSize(d("1")).build();
    assertThat(coarse.roundQuantity(d("1.239"), OrderType.MARKET)).hasToString("1");
    assertThat(coarse.roundQuantity(d("1.239"), OrderType.LIMIT)).hasToString("1.23");
  }

  @Test
  void quantityBelowOneStepRoundsToZero() {
    assertThat(base().build().roundQuantity(d("0.004"), OrderType.LIMIT)).isZero();
  }

  @Test
  void anOrderForAnotherSymbolIsReportedAlone() {
    assertThat(
            base().build().violations(OrderRequest.limit("YUSDT", Side.BUY, d("1"), d("1")), null))
        .containsExactly(
            "the order is for YUSDT but the instrument is XUSDT; check it against the order's own"
                + " instrument");
  }

  @Test
  void maxPriceIsChecked() {
    Instrument in = base().maxPrice(d("100")).build();
    assertThat(in.violations(OrderRequest.limit("XUSDT", Side.BUY, d("1"), d("100.1")), null))
        .containsExactly("price 100.1 is above PRICE_FILTER maxPrice 100; lower it to at most 100");
  }

  @Test
  void formatsWithoutExponentOrTrailingZeros() {
    Instrument in = base().build();
    assertThat(in.formatPrice(d("1E+3"))).isEqualTo("1000");
    assertThat(in.formatPrice(d("0.00000010"))).isEqualTo("0.0000001");
    assertThat(in.formatQuantity(BigDecimal.ZERO.setScale(4))).isEqualTo("0");
  }

  @Test
  void ticksRoundTripAndRejectOverflow() {
    Instrument in = base().tickSize(d("0.00001")).build();
    for (long ticks : new long[] {0L, 1L, 1731L, 99_999_999L, Long.MAX_VALUE}) {
      assertThat(in.toTicks(in.fromTicks(ticks))).isEqualTo(ticks);
    }
    assertThat(in.fromTicks(1731L)).hasToString("0.01731");
    assertThatThrownBy(() -> in.toTicks(d("1E+20")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price 100000000000000000000 is too many ticks for a long");
  }
}
