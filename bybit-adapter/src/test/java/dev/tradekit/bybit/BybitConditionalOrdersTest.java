package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Conditional types: refused before sending, and read back as what they are. */
class BybitConditionalOrdersTest {
  private static final Instrument BTC =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(new BigDecimal("0.1"))
          .stepSize(new BigDecimal("0.001"))
          .build();

  @Test
  void everyConditionalTypeIsRefusedTypedInsteadOfGoingOutAsAPlainOrder() {
    for (OrderRequest r :
        new OrderRequest[] {
          OrderRequest.stopMarket(
              "BTCUSDT", Side.SELL, new BigDecimal("0.01"), new BigDecimal("100")),
          OrderRequest.takeProfitMarket(
              "BTCUSDT", Side.SELL, new BigDecimal("0.01"), new BigDecimal("100")),
          OrderRequest.trailingStopMarket(
              "BTCUSDT", Side.SELL, new BigDecimal("0.01"), new BigDecimal("1"))
        }) {
      assertThatThrownBy(() -> BybitTrading.fields(BTC, r, true))
          .isInstanceOf(InvalidOrderException.class)
          .hasMessageContaining(r.type().name())
          .hasMessageContaining("engine rule");
    }
    assertThat(
            BybitTrading.fields(
                    BTC, OrderRequest.market("BTCUSDT", Side.SELL, new BigDecimal("0.01")), true)
                .get("orderType"))
        .isEqualTo("Market");
  }

  @Test
  void aMarketOrderWithAStopOrderTypeReadsAsTheConditionalType() {
    assertThat(BybitMapper.type("Market", "StopLoss")).isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "Stop")).isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "TakeProfit")).isEqualTo(OrderType.TAKE_PROFIT_MARKET);
    assertThat(BybitMapper.type("Market", "TrailingStop"))
        .isEqualTo(OrderType.TRAILING_STOP_MARKET);
    assertThat(BybitMapper.type("Market", "")).isEqualTo(OrderType.MARKET);
    assertThat(BybitMapper.type("Limit", "StopLoss")).isEqualTo(OrderType.LIMIT);
  }
}
