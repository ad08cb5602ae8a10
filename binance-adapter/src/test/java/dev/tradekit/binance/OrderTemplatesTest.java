package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTemplatesTest {
  private static final Instrument BTC = OrderParamsTest.BTC;

  private static OrderRequest.Builder order(Side side, OrderType type, String quantity) {
    return OrderRequest.builder()
        .symbol("BTCUSDT")
        .side(side)
        .type(type)
        .quantity(new BigDecimal(quantity));
  }

  @Test
  void everyOrderShapeEncodesToExactlyTheParametersOfTheMapPath() {
    List<OrderRequest> requests =
        List.of(
            OrderRequest.limit(
                    "BTCUSDT", Side.BUY, new BigDecimal("1.500E+0"), new BigDecimal("6.0E+4"))
                .withClientOrderId("mm-7"),
            OrderRequest.postOnly(
                    "BTCUSDT", Side.SELL, new BigDecimal("0.002"), new BigDecimal("60000"))
                .withClientOrderId("p"),
            order(Side.SELL, OrderType.MARKET, "0.001").reduceOnly(true).clientOrderId("c").build(),
            order(Side.SELL, OrderType.MARKET, "0.001")
                .positionSide(PositionSide.LONG)
                .clientOrderId("h")
                .build(),
            order(Side.BUY, OrderType.LIMIT, "0.010")
                .price(new BigDecimal("60000.10"))
                .timeInForce(TimeInForce.IOC)
                .positionSide(PositionSide.SHORT)
                .clientOrderId("cp-1:f/7.a_b")
                .build());
    OrderTemplates templates = new OrderTemplates();
    for (OrderRequest r : requests) {
      String expected = OrderTemplates.encode(OrderParams.newOrder(r, BTC));
      assertThat(templates.newOrder(r, BTC)).as(r.toString()).isEqualTo(expected);
      // the second order of the shape comes from the cached template
      assertThat(templates.newOrder(r, BTC)).as(r.toString()).isEqualTo(expected);
    }
  }

  @Test
  void aCachedShapeTakesEachOrdersOwnQuantityPriceAndClientId() {
    OrderTemplates templates = new OrderTemplates();
    OrderRequest first =
        order(Side.BUY, OrderType.LIMIT, "0.010")
            .price(new BigDecimal("60000"))
            .timeInForce(TimeInForce.IOC)
            .clientOrderId("a-1")
            .build();
    OrderRequest second =
        order(Side.BUY, OrderType.LIMIT, "0.25")
            .price(new BigDecimal("60100.5"))
            .timeInForce(TimeInForce.IOC)
            .clientOrderId("a-2")
            .build();
    templates.newOrder(first, BTC);
    assertThat(templates.newOrder(second, BTC))
        .isEqualTo(
            "symbol=BTCUSDT&side=BUY&positionSide=BOTH&type=LIMIT&timeInForce=IOC"
                + "&quantity=0.25&price=60100.5&newClientOrderId=a-2&newOrderRespType=RESULT");
  }

  @Test
  void anOrderBreakingAFilterIsRefusedBeforeAnythingIsEncoded() {
    OrderRequest bad =
        OrderRequest.limit(
                "BTCUSDT", Side.BUY, new BigDecimal("0.0015"), new BigDecimal("60000.05"))
            .withClientOrderId("x");
    assertThatThrownBy(() -> new OrderTemplates().newOrder(bad, BTC))
        .isInstanceOf(InvalidOrderException.class)
        .hasMessageContaining("stepSize");
  }
}
