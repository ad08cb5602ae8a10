package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderParamsTest {
  /** Binance's BTCUSDT filters; other order-building tests of this package use it too. */
  static final Instrument BTC =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(new BigDecimal("0.10"))
          .minPrice(new BigDecimal("556.80"))
          .maxPrice(new BigDecimal("4529764"))
          .stepSize(new BigDecimal("0.001"))
          .minQty(new BigDecimal("0.001"))
          .maxQty(new BigDecimal("1000"))
          .minNotional(new BigDecimal("100"))
          .build();

  @Test
  void limitOrderGoesOutInPlainDigitsWithPositionSideAndClientId() {
    OrderRequest r =
        OrderRequest.limit(
                "BTCUSDT", Side.BUY, new BigDecimal("1.500E+0"), new BigDecimal("6.0E+4"))
            .withClientOrderId("mm-7");
    Map<String, String> p = OrderParams.newOrder(r, BTC);
    assertThat(p)
        .containsExactly(
            Map.entry("symbol", "BTCUSDT"),
            Map.entry("side", "BUY"),
            Map.entry("positionSide", "BOTH"),
            Map.entry("type", "LIMIT"),
            Map.entry("timeInForce", "GTC"),
            Map.entry("quantity", "1.5"),
            Map.entry("price", "60000"),
            Map.entry("newClientOrderId", "mm-7"),
            Map.entry("newOrderRespType", "RESULT"));
  }

  @Test
  void postOnlyIsGtxAndReduceOnlyIsSentOnlyInOneWayMode() {
    OrderRequest postOnly =
        OrderRequest.postOnly(
                "BTCUSDT", Side.SELL, new BigDecimal("0.002"), new BigDecimal("60000"))
            .withClientOrderId("p");
    assertThat(OrderParams.newOrder(postOnly, BTC)).containsEntry("timeInForce", "GTX");

    OrderRequest close =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.SELL)
            .type(OrderType.MARKET)
            .quantity(new BigDecimal("0.001"))
            .reduceOnly(true)
            .clientOrderId("c")
            .build();
    Map<String, String> oneWay = OrderParams.newOrder(close, BTC);
    assertThat(oneWay)
        .containsEntry("reduceOnly", "true")
        .doesNotContainKeys("price", "timeInForce");

    OrderRequest hedgeClose =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.SELL)
            .type(OrderType.MARKET)
            .quantity(new BigDecimal("0.001"))
            .positionSide(PositionSide.LONG)
            .clientOrderId("h")
            .build();
    assertThat(OrderParams.newOrder(hedgeClose, BTC))
        .containsEntry("positionSide", "LONG")
        .doesNotContainKey("reduceOnly");
  }

  @Test
  void anOrderBreakingAFilterIsRefusedWithEveryReason() {
    OrderRequest bad =
        OrderRequest.limit(
                "BTCUSDT", Side.BUY, new BigDecimal("0.0015"), new BigDecimal("60000.05"))
            .withClientOrderId("x");
    assertThatThrownBy(() -> OrderParams.newOrder(bad, BTC))
        .isInstanceOf(InvalidOrderException.class)
        .hasMessageContaining("tickSize")
        .hasMessageContaining("stepSize")
        .hasMessageContaining("MIN_NOTIONAL");
  }

  @Test
  void amendmentNamesTheOrderAndFormatsBothValues() {
    Map<String, String> byId =
        OrderParams.amend(
            new AmendRequest(
                OrderRef.byId("BTCUSDT", "42"),
                Side.BUY,
                new BigDecimal("0.0100"),
                new BigDecimal("60000.50")),
            BTC);
    assertThat(byId)
        .containsExactly(
            Map.entry("symbol", "BTCUSDT"),
            Map.entry("orderId", "42"),
            Map.entry("side", "BUY"),
            Map.entry("quantity", "0.01"),
            Map.entry("price", "60000.5"));
    Map<String, String> byClientId =
        OrderParams.amend(
            new AmendRequest(
                OrderRef.byClientId("BTCUSDT", "mm-1"),
                Side.BUY,
                new BigDecimal("0.01"),
                new BigDecimal("60000")),
            BTC);
    assertThat(byClientId).containsEntry("origClientOrderId", "mm-1").doesNotContainKey("orderId");
  }

  @Test
  void generatedClientIdsAreUniqueAndFitTheVenueRule() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = OrderParams.newClientOrderId();
      assertThat(id).matches("^tk-[0-9a-z]{1,33}$").hasSizeLessThanOrEqualTo(36);
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
    OrderRequest given =
        OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE).withClientOrderId("mine");
    assertThat(OrderParams.withClientOrderId(given).clientOrderId()).isEqualTo("mine");
    assertThat(
            OrderParams.withClientOrderId(OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE))
                .clientOrderId())
        .startsWith("tk-");
  }
}
