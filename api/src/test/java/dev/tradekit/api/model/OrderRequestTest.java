package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderRequestTest {
  private static final BigDecimal QTY = new BigDecimal("0.015");
  private static final BigDecimal PX = new BigDecimal("32123.4");

  @Test
  void limitFactoryDefaultsToGtcInOneWayMode() {
    OrderRequest r = OrderRequest.limit("BTCUSDT", Side.BUY, QTY, PX);
    assertThat(r.type()).isEqualTo(OrderType.LIMIT);
    assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(r.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(r.reduceOnly()).isFalse();
    assertThat(r.clientOrderId()).isNull();
    assertThat(r.isPostOnly()).isFalse();
  }

  @Test
  void postOnlyFactoryUsesGtx() {
    OrderRequest r = OrderRequest.postOnly("BTCUSDT", Side.SELL, QTY, PX);
    assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTX);
    assertThat(r.isPostOnly()).isTrue();
  }

  @Test
  void marketFactoryHasNeitherPriceNorTimeInForce() {
    OrderRequest r = OrderRequest.market("BTCUSDT", Side.SELL, QTY);
    assertThat(r.type()).isEqualTo(OrderType.MARKET);
    assertThat(r.price()).isNull();
    assertThat(r.timeInForce()).isNull();
  }

  @Test
  void limitWithoutPriceIsRejected() {
    assertThatThrownBy(
            () -> OrderRequest.builder().symbol("BTCUSDT").side(Side.BUY).quantity(QTY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price is required for a LIMIT order");
  }

  @Test
  void marketWithPriceOrTimeInForceIsRejected() {
    OrderRequest.Builder market =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity(QTY);
    assertThatThrownBy(() -> market.price(PX).build())
        .hasMessage(
            "price must be null for a MARKET order (was 32123.4); use a LIMIT order with IOC to"
                + " cap the price");
    assertThatThrownBy(() -> market.price(null).timeInForce(TimeInForce.IOC).build())
        .hasMessage("timeInForce must be null for a MARKET order (was IOC)");
  }

  @Test
  void quantityAndPriceMustBePositive() {
    assertThatThrownBy(() -> OrderRequest.limit("BTCUSDT", Side.BUY, BigDecimal.ZERO, PX))
        .hasMessage("quantity must be > 0 but was 0");
    assertThatThrownBy(() -> OrderRequest.limit("BTCUSDT", Side.BUY, QTY, new BigDecimal("-1")))
        .hasMessage("price must be > 0 but was -1");
    assertThatThrownBy(() -> OrderRequest.builder().symbol("BTCUSDT").quantity(QTY).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("side");
  }

  @Test
  void reduceOnlyWithAHedgeLegIsRejectedWithTheReason() {
    assertThatThrownBy(
            () ->
                OrderRequest.builder()
                    .symbol("BTCUSDT")
                    .side(Side.SELL)
                    .quantity(QTY)
                    .price(PX)
                    .positionSide(PositionSide.LONG)
                    .reduceOnly(true)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reduceOnly cannot be combined with positionSide LONG")
        .hasMessageContaining("SELL with LONG closes the long leg")
        .hasMessageContaining("-1106");
  }

  @Test
  void reduceOnlyInOneWayModeAndHedgeLegsWithoutItAreAccepted() {
    OrderRequest reduce =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.SELL)
            .type(OrderType.MARKET)
            .quantity(QTY)
            .reduceOnly(true)
            .build();
    assertThat(reduce.reduceOnly()).isTrue();
    OrderRequest closeShort =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.BUY)
            .quantity(QTY)
            .price(PX)
            .positionSide(PositionSide.SHORT)
            .build();
    assertThat(closeShort.positionSide()).isEqualTo(PositionSide.SHORT);
  }

  @Test
  void clientOrderIdFollowsTheBinanceRule() {
    OrderRequest r = OrderRequest.limit("BTCUSDT", Side.BUY, QTY, PX);
    String max = "a".repeat(36);
    assertThat(r.withClientOrderId(max).clientOrderId()).isEqualTo(max);
    assertThat(r.withClientOrderId("mm.BTC:1/x_y-Z9").clientOrderId()).isEqualTo("mm.BTC:1/x_y-Z9");
    assertThatThrownBy(() -> r.withClientOrderId("a".repeat(37)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "clientOrderId '"
                + "a".repeat(37)
                + "' (37 characters) must match ^[.A-Z:/a-z0-9_-]{1,36}$: 1 to 36 of letters,"
                + " digits, '.', ':', '/', '_' and '-'");
    assertThatThrownBy(() -> r.withClientOrderId("")).hasMessageContaining("(0 characters)");
    assertThatThrownBy(() -> r.withClientOrderId("has space")).hasMessageContaining("must match");
    assertThatThrownBy(() -> r.withClientOrderId("id#1")).hasMessageContaining("must match");
    assertThatThrownBy(() -> r.withClientOrderId("é")).hasMessageContaining("must match");
    assertThat(r.withClientOrderId("x").withClientOrderId(null).clientOrderId()).isNull();
  }

  @Test
  void withQuantityKeepsEverythingElse() {
    OrderRequest r = OrderRequest.postOnly("BTCUSDT", Side.SELL, QTY, PX).withClientOrderId("c1");
    OrderRequest bigger = r.withQuantity(new BigDecimal("0.02"));
    assertThat(bigger.quantity()).isEqualByComparingTo("0.02");
    assertThat(bigger).usingRecursiveComparison().ignoringFields("quantity").isEqualTo(r);
    assertThatThrownBy(() -> r.withQuantity(BigDecimal.ZERO))
        .hasMessage("quantity must be > 0 but was 0");
  }

  @Test
  void orderRefNeedsExactlyOneId() {
    assertThat(OrderRef.byId("BTCUSDT", "8886774").orderId()).isEqualTo("8886774");
    assertThat(OrderRef.byClientId("BTCUSDT", "mm-42").clientOrderId()).isEqualTo("mm-42");
    assertThatThrownBy(() -> new OrderRef("BTCUSDT", null, null))
        .hasMessage("exactly one of orderId and clientOrderId must be set, but neither was");
    assertThatThrownBy(() -> new OrderRef("BTCUSDT", "1", "c"))
        .hasMessage("exactly one of orderId and clientOrderId must be set, but both were");
    assertThatThrownBy(() -> OrderRef.byId("BTCUSDT", " ")).hasMessage("orderId must not be blank");
  }

  @Test
  void amendRequestNeedsPositiveQuantityAndPrice() {
    OrderRef ref = OrderRef.byId("BTCUSDT", "1");
    AmendRequest amend = new AmendRequest(ref, Side.BUY, QTY, PX);
    assertThat(amend.symbol()).isEqualTo("BTCUSDT");
    assertThatThrownBy(() -> new AmendRequest(ref, Side.BUY, QTY, BigDecimal.ZERO))
        .hasMessage("price must be > 0 but was 0");
    assertThatThrownBy(() -> new AmendRequest(ref, Side.BUY, new BigDecimal("-0.1"), PX))
        .hasMessage("quantity must be > 0 but was -0.1");
  }
}
