package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.WorkingType;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditional orders: the create-order fields sent, and the orders read back as what they are. */
class BybitConditionalOrdersTest {
  private static final Instrument BTC =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(new BigDecimal("0.1"))
          .stepSize(new BigDecimal("0.001"))
          .build();

  private static final BigDecimal QTY = new BigDecimal("0.010");

  @Test
  void aSellStopGoesOutAsAMarketOrderTriggeredOnAFallWithItsPriceRoundedTowardTheMarket() {
    Map<String, Object> f =
        BybitTrading.fields(
            BTC,
            OrderRequest.stopMarket("BTCUSDT", Side.SELL, QTY, new BigDecimal("29500.04"))
                .withReduceOnly(),
            true);
    assertThat(f)
        .containsEntry("orderType", "Market")
        .containsEntry("side", "Sell")
        .containsEntry("qty", "0.01")
        .containsEntry("triggerPrice", "29500.1") // a sell stop rounds up, toward the market
        .containsEntry("triggerDirection", 2)
        .containsEntry("triggerBy", "LastPrice")
        .containsEntry("reduceOnly", true)
        .containsEntry("closeOnTrigger", true)
        .doesNotContainKey("price")
        .doesNotContainKey("timeInForce");
  }

  @Test
  void triggerDirectionFollowsSideAndTypeAndMarkPriceIsSentAsMarkPrice() {
    BigDecimal p = new BigDecimal("100");
    assertThat(BybitConditionals.direction(Side.SELL, OrderType.STOP_MARKET)).isEqualTo(2);
    assertThat(BybitConditionals.direction(Side.BUY, OrderType.STOP_MARKET)).isEqualTo(1);
    assertThat(BybitConditionals.direction(Side.SELL, OrderType.TAKE_PROFIT_MARKET)).isEqualTo(1);
    assertThat(BybitConditionals.direction(Side.BUY, OrderType.TAKE_PROFIT_MARKET)).isEqualTo(2);
    OrderRequest tp =
        OrderRequest.takeProfitMarket("BTCUSDT", Side.BUY, QTY, p)
            .withTrigger(Trigger.at(p).workingType(WorkingType.MARK_PRICE));
    Map<String, Object> f = BybitTrading.fields(BTC, tp, false);
    assertThat(f)
        .containsEntry("triggerDirection", 2)
        .containsEntry("triggerBy", "MarkPrice")
        .doesNotContainKey("reduceOnly")
        .doesNotContainKey("closeOnTrigger");
  }

  @Test
  void closePositionSendsQuantityZeroReduceOnlyAndCloseOnTrigger() {
    OrderRequest r =
        OrderRequest.stopMarket("BTCUSDT", Side.SELL, QTY, new BigDecimal("100"))
            .withTrigger(Trigger.at(new BigDecimal("100")).closingPosition());
    assertThat(BybitTrading.fields(BTC, r, true))
        .containsEntry("qty", "0")
        .containsEntry("reduceOnly", true)
        .containsEntry("closeOnTrigger", true);
  }

  @Test
  void aTrailingStopIsRefusedTypedBeforeSendingBecauseBybitHasNoSuchOrder() {
    OrderRequest r = OrderRequest.trailingStopMarket("BTCUSDT", Side.SELL, QTY, BigDecimal.ONE);
    assertThatThrownBy(() -> BybitTrading.fields(BTC, r, true))
        .isInstanceOf(InvalidOrderException.class)
        .hasMessageContaining("TRAILING_STOP_MARKET")
        .hasMessageContaining("engine rule");
  }

  @Test
  void aStopOrderReadsAsStopOrTakeProfitByItsSideAndDirection() {
    assertThat(BybitMapper.type("Market", "Stop", Side.SELL, 2)).isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "Stop", Side.BUY, 1)).isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "Stop", Side.SELL, 1))
        .isEqualTo(OrderType.TAKE_PROFIT_MARKET);
    assertThat(BybitMapper.type("Market", "Stop", Side.BUY, 2))
        .isEqualTo(OrderType.TAKE_PROFIT_MARKET);
    assertThat(BybitMapper.type("Market", "Stop", Side.BUY, 0)).isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "StopLoss", Side.SELL, 0))
        .isEqualTo(OrderType.STOP_MARKET);
    assertThat(BybitMapper.type("Market", "TakeProfit", Side.SELL, 0))
        .isEqualTo(OrderType.TAKE_PROFIT_MARKET);
    assertThat(BybitMapper.type("Market", "TrailingStop", Side.SELL, 0))
        .isEqualTo(OrderType.TRAILING_STOP_MARKET);
    assertThat(BybitMapper.type("Market", "", Side.SELL, 0)).isEqualTo(OrderType.MARKET);
    assertThat(BybitMapper.type("Limit", "StopLoss", Side.SELL, 0)).isEqualTo(OrderType.LIMIT);
  }

  @Test
  void untriggeredIsOpenAndAFiredOrderIsTriggeredUnderItsOwnIdUntilItsMarketOrderEnds() {
    Order waiting = BybitMapper.order(dto("Untriggered", "0"));
    assertThat(waiting.status()).isEqualTo(OrderStatus.NEW);
    assertThat(waiting.type()).isEqualTo(OrderType.STOP_MARKET);
    assertThat(waiting.triggerPrice()).isEqualByComparingTo("29500.1");
    assertThat(waiting.triggeredOrderId()).isNull();

    for (String fired : new String[] {"Triggered", "New"}) {
      Order o = BybitMapper.order(dto(fired, "0"));
      assertThat(o.status()).as(fired).isEqualTo(OrderStatus.TRIGGERED);
      assertThat(o.triggeredOrderId()).as(fired).isEqualTo("c-1");
    }
    Order filled = BybitMapper.order(dto("Filled", "0.01"));
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.executedQuantity()).isEqualByComparingTo("0.01");
    assertThat(BybitMapper.order(dto("Deactivated", "0")).status()).isEqualTo(OrderStatus.CANCELED);
  }

  private static BybitWire.OrderDto dto(String status, String executed) {
    BybitWire.OrderDto d = new BybitWire.OrderDto();
    d.symbol = "BTCUSDT";
    d.orderId = "c-1";
    d.orderLinkId = "live-sl.1";
    d.side = "Sell";
    d.orderType = "Market";
    d.stopOrderType = "Stop";
    d.triggerDirection = 2;
    d.triggerPrice = "29500.1";
    d.qty = "0.01";
    d.cumExecQty = executed;
    d.orderStatus = status;
    d.reduceOnly = true;
    return d;
  }
}
