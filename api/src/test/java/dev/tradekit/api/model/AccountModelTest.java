package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders, fills, positions, balances and account snapshots. */
class AccountModelTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static Order.Builder order() {
    return Order.builder()
        .symbol("BTCUSDT")
        .orderId("8886774")
        .side(Side.BUY)
        .type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC)
        .price(d("32123.4"))
        .quantity(d("0.015"))
        .status(OrderStatus.PARTIALLY_FILLED)
        .executedQuantity(d("0.005"))
        .createTime(1_626_992_741_000L)
        .updateTime(1_626_992_742_000L);
  }

  private static Position position(PositionSide side, String amount) {
    return new Position(
        "BTCUSDT", side, d(amount), d("32000"), d("32100"), d("1"), 10, MarginType.CROSS, 1L);
  }

  @Test
  void orderReportsRemainingQuantityAndOpenness() {
    Order o = order().build();
    assertThat(o.remainingQuantity()).isEqualByComparingTo("0.010");
    assertThat(o.isOpen()).isTrue();
    assertThat(o.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(order().status(OrderStatus.FILLED).executedQuantity(d("0.015")).build().isOpen())
        .isFalse();
  }

  @Test
  void orderRejectsOverExecutionAndMissingFields() {
    assertThatThrownBy(() -> order().executedQuantity(d("0.016")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executedQuantity 0.016 must not exceed quantity 0.015");
    assertThatThrownBy(() -> order().executedQuantity(d("-0.001")).build())
        .hasMessage("executedQuantity must be >= 0 but was -0.001");
    assertThatThrownBy(() -> Order.builder().symbol("BTCUSDT").orderId("1").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("side");
    assertThatThrownBy(() -> order().createTime(-1).build())
        .hasMessage("createTime must be >= 0 but was -1");
  }

  @Test
  void fillComputesNotionalAndSignedQuantity() {
    Fill.Builder fill =
        Fill.builder()
            .symbol("BTCUSDT")
            .tradeId("1")
            .orderId("8886774")
            .side(Side.SELL)
            .price(d("32000.5"))
            .quantity(d("0.002"))
            .commissionAsset("USDT");
    Fill sell = fill.build();
    assertThat(sell.notional()).isEqualByComparingTo("64.001");
    assertThat(sell.signedQuantity()).isEqualByComparingTo("-0.002");
    assertThat(sell.commission()).isZero();
    assertThat(fill.side(Side.BUY).build().signedQuantity()).isEqualByComparingTo("0.002");
    assertThatThrownBy(() -> fill.quantity(BigDecimal.ZERO).build())
        .hasMessage("quantity must be > 0 but was 0");
    assertThatThrownBy(() -> fill.quantity(d("1")).commissionAsset("").build())
        .hasMessage("commissionAsset must not be blank");
  }

  @Test
  void positionDirectionAndNotional() {
    Position shortOneWay = position(PositionSide.BOTH, "-0.5");
    assertThat(shortOneWay.isShort()).isTrue();
    assertThat(shortOneWay.isLong()).isFalse();
    assertThat(shortOneWay.notional()).isEqualByComparingTo("16050");
    Position noMark =
        new Position(
            "BTCUSDT",
            PositionSide.LONG,
            d("0.5"),
            d("32000"),
            null,
            d("0"),
            1,
            MarginType.ISOLATED,
            0L);
    assertThat(noMark.notional()).isEqualByComparingTo("16000");
    assertThat(position(PositionSide.SHORT, "0").isFlat()).isTrue();
  }

  @Test
  void hedgeLegsMustHaveTheirSign() {
    assertThatThrownBy(() -> position(PositionSide.LONG, "-0.1"))
        .hasMessage("amount -0.1 must be >= 0 for the LONG leg of a hedge position");
    assertThatThrownBy(() -> position(PositionSide.SHORT, "0.1"))
        .hasMessage(
            "amount 0.1 must be <= 0 for the SHORT leg of a hedge position (shorts are negative)");
    assertThatThrownBy(
            () ->
                new Position(
                    "BTCUSDT",
                    PositionSide.BOTH,
                    d("1"),
                    d("1"),
                    null,
                    d("0"),
                    0,
                    MarginType.CROSS,
                    0L))
        .hasMessage("leverage must be >= 1 but was 0");
  }

  @Test
  void balanceMarginIsWalletPlusUnrealized() {
    Balance b = new Balance("USDT", d("1000"), d("800"), d("-25.5"));
    assertThat(b.marginBalance()).isEqualByComparingTo("974.5");
  }

  @Test
  void snapshotLooksUpBalancesAndPositionsAndCopiesItsLists() {
    List<Balance> balances = new ArrayList<>(List.of(new Balance("USDT", d("1"), d("1"), d("0"))));
    List<Position> positions =
        new ArrayList<>(
            List.of(position(PositionSide.LONG, "0.1"), position(PositionSide.SHORT, "-0.2")));
    AccountSnapshot s = new AccountSnapshot(5L, PositionMode.HEDGE, balances, positions);
    balances.clear();
    positions.clear();
    assertThat(s.balances()).hasSize(1);
    assertThat(s.balance("USDT")).isPresent();
    assertThat(s.balance("BTC")).isEmpty();
    assertThat(s.positions("BTCUSDT")).hasSize(2);
    assertThat(s.positions("ETHUSDT")).isEmpty();
    assertThat(s.position("BTCUSDT", PositionSide.SHORT).orElseThrow().amount())
        .isEqualByComparingTo("-0.2");
    assertThat(s.position("BTCUSDT", PositionSide.BOTH)).isEmpty();
    assertThatThrownBy(() -> s.positions().add(position(PositionSide.BOTH, "1")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void snapshotRejectsDuplicatesAndNullElements() {
    Balance usdt = new Balance("USDT", d("1"), d("1"), d("0"));
    assertThatThrownBy(
            () -> new AccountSnapshot(0L, PositionMode.ONE_WAY, List.of(usdt, usdt), List.of()))
        .hasMessage("balances lists asset USDT twice");
    Position p = position(PositionSide.BOTH, "1");
    assertThatThrownBy(
            () -> new AccountSnapshot(0L, PositionMode.ONE_WAY, List.of(), List.of(p, p)))
        .hasMessage("positions lists BTCUSDT BOTH twice");
    List<Balance> withNull = new ArrayList<>();
    withNull.add(usdt);
    withNull.add(null);
    assertThatThrownBy(() -> new AccountUpdate(0L, "ORDER", withNull, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("balances[1]");
  }

  @Test
  void accountUpdateNeedsAReason() {
    assertThatThrownBy(() -> new AccountUpdate(0L, " ", List.of(), List.of()))
        .hasMessage("reason must not be blank");
    assertThat(new AccountUpdate(1L, "FUNDING_FEE", List.of(), List.of()).reason())
        .isEqualTo("FUNDING_FEE");
  }
}
