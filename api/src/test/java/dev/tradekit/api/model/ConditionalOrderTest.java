package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Capabilities;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conditional order types: request rules, trigger rules, rounding and the capability. */
class ConditionalOrderTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static Instrument btc() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(d("0.10"))
        .minPrice(d("0.10"))
        .maxPrice(d("1000000"))
        .stepSize(d("0.001"))
        .minQty(d("0.001"))
        .marketStepSize(d("0.01"))
        .marketMinQty(d("0.01"))
        .build();
  }

  @Test
  void stopMarketCarriesItsTriggerAndNoPrice() {
    OrderRequest r = OrderRequest.stopMarket("BTCUSDT", Side.SELL, d("0.01"), d("29500"));
    assertThat(r.type()).isEqualTo(OrderType.STOP_MARKET);
    assertThat(r.price()).isNull();
    assertThat(r.timeInForce()).isNull();
    assertThat(r.trigger()).isEqualTo(Trigger.at(d("29500")));
    assertThat(r.withClientOrderId("x").trigger()).isEqualTo(r.trigger());
    assertThat(r.withQuantity(d("0.02")).trigger()).isEqualTo(r.trigger());
    assertThat(r.withReduceOnly().reduceOnly()).isTrue();
  }

  @Test
  void conditionalTypeWithoutTriggerIsRefusedWithWhatToDo() {
    assertThatThrownBy(
            () ->
                OrderRequest.builder()
                    .symbol("BTCUSDT")
                    .side(Side.SELL)
                    .type(OrderType.STOP_MARKET)
                    .quantity(d("1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a trigger")
        .hasMessageContaining("Trigger.at(price)");
  }

  @Test
  void limitOrMarketWithTriggerIsRefused() {
    assertThatThrownBy(
            () ->
                OrderRequest.builder()
                    .symbol("BTCUSDT")
                    .side(Side.SELL)
                    .type(OrderType.MARKET)
                    .quantity(d("1"))
                    .trigger(Trigger.at(d("1")))
                    .build())
        .hasMessageContaining("takes no trigger");
  }

  @Test
  void trailingStopNeedsCallbackRateAndStopNeedsPrice() {
    assertThatThrownBy(
            () ->
                OrderRequest.builder()
                    .symbol("BTCUSDT")
                    .side(Side.SELL)
                    .type(OrderType.TRAILING_STOP_MARKET)
                    .quantity(d("1"))
                    .trigger(Trigger.at(d("100")))
                    .build())
        .hasMessageContaining("needs a callbackRate");
    assertThatThrownBy(
            () ->
                OrderRequest.builder()
                    .symbol("BTCUSDT")
                    .side(Side.SELL)
                    .type(OrderType.STOP_MARKET)
                    .quantity(d("1"))
                    .trigger(Trigger.trailing(d("1")))
                    .build())
        .hasMessageContaining("needs a trigger price");
    OrderRequest trail = OrderRequest.trailingStopMarket("BTCUSDT", Side.SELL, d("1"), d("1.5"));
    assertThat(java.util.Objects.requireNonNull(trail.trigger()).callbackRate())
        .isEqualByComparingTo("1.5");
  }

  @Test
  void triggerRulesNameTheField() {
    assertThatThrownBy(() -> Trigger.at(d("0"))).hasMessageContaining("trigger price");
    assertThatThrownBy(() -> Trigger.trailing(d("100"))).hasMessageContaining("below 100");
    assertThatThrownBy(() -> Trigger.at(d("5")).activationPrice(d("6")))
        .hasMessageContaining("trailing stops only");
    assertThatThrownBy(
            () ->
                OrderRequest.stopMarket("BTCUSDT", Side.SELL, d("1"), d("5"))
                    .withTrigger(Trigger.at(d("5")).closingPosition())
                    .withReduceOnly())
        .hasMessageContaining("leave reduceOnly false");
    assertThatThrownBy(
            () ->
                OrderRequest.trailingStopMarket("BTCUSDT", Side.SELL, d("1"), d("1"))
                    .withTrigger(Trigger.trailing(d("1")).closingPosition()))
        .hasMessageContaining("closePosition is for STOP_MARKET");
  }

  @Test
  void triggerPricesRoundTowardTheMarket() {
    Instrument in = btc();
    BigDecimal p = d("29500.123");
    assertThat(in.roundTriggerPrice(p, Side.SELL, OrderType.STOP_MARKET))
        .isEqualByComparingTo("29500.2");
    assertThat(in.roundTriggerPrice(p, Side.SELL, OrderType.TAKE_PROFIT_MARKET))
        .isEqualByComparingTo("29500.1");
    assertThat(in.roundTriggerPrice(p, Side.BUY, OrderType.STOP_MARKET))
        .isEqualByComparingTo("29500.1");
    assertThat(in.roundTriggerPrice(p, Side.BUY, OrderType.TAKE_PROFIT_MARKET))
        .isEqualByComparingTo("29500.2");
    assertThatThrownBy(() -> in.roundTriggerPrice(p, Side.BUY, OrderType.LIMIT))
        .hasMessageContaining("roundPrice");
    OrderRequest rounded =
        in.roundTrigger(OrderRequest.stopMarket("BTCUSDT", Side.SELL, d("0.01"), p));
    assertThat(java.util.Objects.requireNonNull(rounded.trigger()).price())
        .isEqualByComparingTo("29500.2");
  }

  @Test
  void filtersCheckTheTriggerPriceAndTheMarketLotSize() {
    Instrument in = btc();
    OrderRequest off = OrderRequest.stopMarket("BTCUSDT", Side.SELL, d("0.015"), d("29500.123"));
    assertThat(in.violations(off, null))
        .anySatisfy(
            v -> assertThat(v).startsWith("trigger price 29500.123 is off the PRICE_FILTER tick"))
        .anySatisfy(v -> assertThat(v).contains("MARKET_LOT_SIZE"));
    assertThat(in.violations(in.roundTrigger(off.withQuantity(d("0.02"))), null)).isEmpty();
  }

  @Test
  void capabilitiesSayWhichConditionalTypesTheVenueHolds() {
    Capabilities none = new Capabilities(1, 1, false, false, false, false, true);
    assertThat(none.supports(OrderType.LIMIT)).isTrue();
    assertThat(none.supports(OrderType.STOP_MARKET)).isFalse();
    Capabilities stops =
        new Capabilities(1, 1, false, false, false, false, true, Set.of(OrderType.STOP_MARKET));
    assertThat(stops.supports(OrderType.STOP_MARKET)).isTrue();
    assertThat(stops.supports(OrderType.TRAILING_STOP_MARKET)).isFalse();
    assertThatThrownBy(
            () -> new Capabilities(1, 1, false, false, false, false, true, Set.of(OrderType.LIMIT)))
        .hasMessageContaining("conditional types only");
  }
}
