package dev.tradekit.binance;

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

/** Conditional orders → Algo Order API parameters, and algo orders / ALGO_UPDATE → orders. */
class AlgoOrdersTest {
  private static final Instrument BTC =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(new BigDecimal("0.10"))
          .stepSize(new BigDecimal("0.001"))
          .build();

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void stopMarketGoesOutAsAConditionalAlgoOrderWithTheTriggerRoundedTowardTheMarket() {
    OrderRequest r =
        OrderRequest.stopMarket("BTCUSDT", Side.SELL, d("0.010"), d("29500.04"))
            .withReduceOnly()
            .withClientOrderId("s-1");
    Map<String, String> p = AlgoOrders.params(r, BTC);
    assertThat(p)
        .containsEntry("algoType", "CONDITIONAL")
        .containsEntry("type", "STOP_MARKET")
        .containsEntry("side", "SELL")
        .containsEntry("quantity", "0.01")
        .containsEntry("triggerPrice", "29500.1")
        .containsEntry("workingType", "CONTRACT_PRICE")
        .containsEntry("reduceOnly", "true")
        .containsEntry("clientAlgoId", "s-1")
        .doesNotContainKeys("price", "timeInForce", "callbackRate", "closePosition");
  }

  @Test
  void trailingAndClosePositionOrdersCarryTheirOwnFields() {
    OrderRequest trail =
        OrderRequest.trailingStopMarket("BTCUSDT", Side.SELL, d("0.010"), d("1.50"))
            .withTrigger(
                Trigger.trailing(d("1.50"))
                    .activationPrice(d("31000.05"))
                    .workingType(WorkingType.MARK_PRICE))
            .withClientOrderId("t-1");
    assertThat(AlgoOrders.params(trail, BTC))
        .containsEntry("type", "TRAILING_STOP_MARKET")
        .containsEntry("callbackRate", "1.5")
        .containsEntry("activatePrice", "31000")
        .containsEntry("workingType", "MARK_PRICE")
        .doesNotContainKey("triggerPrice");
    OrderRequest close =
        OrderRequest.takeProfitMarket("BTCUSDT", Side.SELL, d("0.010"), d("35000"))
            .withTrigger(Trigger.at(d("35000")).closingPosition())
            .withClientOrderId("c-1");
    assertThat(AlgoOrders.params(close, BTC))
        .containsEntry("closePosition", "true")
        .doesNotContainKey("quantity");
  }

  @Test
  void aCallbackRateOutsideBinancesRangeIsRefusedBeforeSending() {
    OrderRequest r =
        OrderRequest.trailingStopMarket("BTCUSDT", Side.SELL, d("0.010"), d("12"))
            .withClientOrderId("t-2");
    assertThatThrownBy(() -> AlgoOrders.params(r, BTC))
        .isInstanceOf(InvalidOrderException.class)
        .hasMessageContaining("callbackRate 12 is outside Binance's 0.1 to 10");
  }

  @Test
  void algoUpdateEventsMapToTheOrderLifecycle() throws Exception {
    BinanceJson json = new BinanceJson();
    String triggered =
        "{\"e\":\"ALGO_UPDATE\",\"T\":1750515742297,\"E\":1750515742303,\"o\":{\"caid\":\"s-1\","
            + "\"aid\":2148719,\"at\":\"CONDITIONAL\",\"o\":\"STOP_MARKET\",\"s\":\"BTCUSDT\","
            + "\"S\":\"SELL\",\"ps\":\"BOTH\",\"f\":\"GTC\",\"q\":\"0.01\",\"X\":\"TRIGGERED\","
            + "\"ai\":\"88001\",\"ap\":\"0\",\"aq\":\"0\",\"tp\":\"29500.1\",\"p\":\"0\","
            + "\"wt\":\"CONTRACT_PRICE\",\"cp\":false,\"R\":true,\"tt\":1750515742297}}";
    UserEventDto e = json.userEvent(triggered);
    assertThat(e).isInstanceOf(UserEventDto.AlgoUpdate.class);
    Order o = AlgoOrders.order((UserEventDto.AlgoUpdate) e);
    assertThat(o.orderId()).isEqualTo("algo-2148719");
    assertThat(o.clientOrderId()).isEqualTo("s-1");
    assertThat(o.type()).isEqualTo(OrderType.STOP_MARKET);
    assertThat(o.status()).isEqualTo(OrderStatus.TRIGGERED);
    assertThat(o.triggeredOrderId()).isEqualTo("88001");
    assertThat(o.triggerPrice()).isEqualByComparingTo("29500.1");
    assertThat(o.reduceOnly()).isTrue();
    assertThat(AlgoOrders.status("TRIGGERING")).isEqualTo(OrderStatus.NEW);
    assertThat(AlgoOrders.status("FINISHED")).isEqualTo(OrderStatus.TRIGGERED);
    assertThat(AlgoOrders.status("CANCELED")).isEqualTo(OrderStatus.CANCELED);
    assertThatThrownBy(() -> AlgoOrders.status("ODD")).hasMessageContaining("ODD");
  }
}
