package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every WebSocket frame kind the adapter decodes, read from the real nautilus_trader samples. */
class NautilusSamplesTest {
  private final BybitJson json = new BybitJson();
  private Path dir = Path.of("");

  @BeforeEach
  void locate() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(
        root != null && Files.isDirectory(Path.of(root, "bybit-linear", "nautilus-samples")),
        "reference data not found: set -Dtradekit.refdata to the shared data folder");
    dir = Path.of(Objects.requireNonNull(root), "bybit-linear", "nautilus-samples");
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void parsesTheOrderBookSnapshotAndDelta() throws IOException {
    BybitWire.BookFrame snap =
        json.parse(BybitWire.BookFrame.class, read("ws_orderbook_snapshot.json"));
    assertThat(snap.isSnapshot()).isTrue();
    assertThat(snap.topic).isEqualTo("orderbook.1.BTCUSDT");
    assertThat(snap.data.b)
        .containsExactly(List.of("27450.00", "0.500"), List.of("27449.50", "1.000"));
    assertThat(snap.data.u).isEqualTo(123456789L);
    assertThat(snap.data.seq).isEqualTo(987654321L);
    BybitWire.BookFrame delta =
        json.parse(BybitWire.BookFrame.class, read("ws_orderbook_delta.json"));
    assertThat(delta.isSnapshot()).isFalse();
    assertThat(delta.data.a).containsExactly(List.of("27451.00", "0"));
    assertThat(delta.data.u).isEqualTo(123456790L);
  }

  @Test
  void parsesAPublicTrade() throws IOException {
    BybitWire.TradeFrame f = json.parse(BybitWire.TradeFrame.class, read("ws_public_trade.json"));
    assertThat(f.data).hasSize(1);
    BybitWire.TradeDto t = f.data.get(0);
    assertThat(t.time).isEqualTo(1709891679000L);
    assertThat(t.symbol).isEqualTo("BTCUSDT");
    assertThat(t.takerSide).isEqualTo("Buy");
    assertThat(t.size).isEqualTo("0.010");
    assertThat(t.price).isEqualTo("27451.00");
    assertThat(t.tradeId).isEqualTo("9dc75fca-4bdd-4773-9f78-6f5d7ab2a110");
    assertThat(t.blockTrade).isFalse();
  }

  @Test
  void parsesALinearTicker() throws IOException {
    BybitWire.TickerFrame f =
        json.parse(BybitWire.TickerFrame.class, read("ws_ticker_linear.json"));
    assertThat(f.type).isEqualTo("snapshot");
    assertThat(f.cs).isEqualTo(24987956059L);
    assertThat(f.data.symbol).isEqualTo("BTCUSDT");
    assertThat(f.data.lastPrice).isEqualTo("17216.00");
    assertThat(f.data.markPrice).isEqualTo("17217.33");
    assertThat(f.data.fundingRate).isEqualTo("-0.000212");
    assertThat(f.data.bid1Price).isEqualTo("17215.50");
    assertThat(f.data.ask1Size).isEqualTo("83.020");
  }

  @Test
  void parsesAKlineIntoTheSpiCandleWithItsConfirmFlag() throws IOException {
    BybitWire.KlineFrame f = json.parse(BybitWire.KlineFrame.class, read("ws_kline.json"));
    List<BybitKlines.Update> updates = BybitKlines.fromFrame(f);
    assertThat(updates).hasSize(1);
    BybitKlines.Update u = updates.get(0);
    assertThat(u.closed()).isFalse();
    assertThat(u.kline().symbol()).isEqualTo("BTCUSDT");
    assertThat(u.kline().interval()).isEqualTo(KlineInterval.M5);
    assertThat(u.kline().openTime()).isEqualTo(1672324800000L);
    assertThat(u.kline().closeTime()).isEqualTo(1672325099999L);
    assertThat(u.kline().open()).isEqualByComparingTo("16649.5");
    assertThat(u.kline().high()).isEqualByComparingTo("16677");
    assertThat(u.kline().low()).isEqualByComparingTo("16608");
    assertThat(u.kline().close()).isEqualByComparingTo("16677");
    assertThat(u.kline().volume()).isEqualByComparingTo("2.081");
    assertThat(u.kline().quoteVolume()).isEqualByComparingTo("34666.4005");
  }

  @Test
  void parsesAPrivateOrderAndMapsItsStatus() throws IOException {
    BybitWire.OrderFrame f = json.parse(BybitWire.OrderFrame.class, read("ws_account_order.json"));
    assertThat(f.topic).isEqualTo("order");
    BybitWire.OrderDto o = f.data.get(0);
    assertThat(o.orderId).isEqualTo("abcdef123456");
    assertThat(o.orderLinkId).isEqualTo("client-1");
    assertThat(o.price).isEqualTo("30000");
    assertThat(o.qty).isEqualTo("0.010");
    assertThat(o.createdTime).isEqualTo(1700000000000L);
    assertThat(o.cancelType).isEqualTo("CancelByUser");
    assertThat(BybitOrderStatuses.map(o.orderStatus, o.cumExecQty)).isEqualTo(OrderStatus.CANCELED);

    BybitWire.OrderDto filled =
        json.parse(BybitWire.OrderFrame.class, read("ws_account_order_filled.json")).data.get(0);
    assertThat(BybitOrderStatuses.map(filled.orderStatus, filled.cumExecQty))
        .isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aRejectedOrderWithFillsIsCancelled() throws IOException {
    BybitWire.OrderDto o =
        json.parse(
                BybitWire.OrderFrame.class, read("ws_account_order_partially_filled_rejected.json"))
            .data
            .get(0);
    assertThat(o.orderStatus).isEqualTo("Rejected");
    assertThat(o.cumExecQty).isEqualTo("50.0");
    assertThat(BybitOrderStatuses.map(o.orderStatus, o.cumExecQty)).isEqualTo(OrderStatus.CANCELED);
  }

  @Test
  void parsesAnExecution() throws IOException {
    BybitWire.ExecutionDto e =
        json.parse(BybitWire.ExecutionFrame.class, read("ws_account_execution.json")).data.get(0);
    assertThat(e.execId).isEqualTo("0ab1bdf7-4219-438b-b30a-32ec863018f7");
    assertThat(e.orderLinkId).isEqualTo("test-order-link-001");
    assertThat(e.execPrice).isEqualTo("95900.1");
    assertThat(e.execQty).isEqualTo("0.5");
    assertThat(e.execFee).isEqualTo("26.3725275");
    assertThat(e.execType).isEqualTo("Trade");
    assertThat(e.execTime).isEqualTo(1746270400353L);
    assertThat(e.isMaker).isFalse();
    assertThat(e.seq).isEqualTo(140612148849382L);
  }

  @Test
  void parsesAPositionWithItsEntryPrice() throws IOException {
    BybitWire.PositionDto p =
        json.parse(BybitWire.PositionFrame.class, read("ws_account_position.json")).data.get(0);
    assertThat(p.symbol).isEqualTo("ETHUSDT");
    assertThat(p.side).isEqualTo("Sell");
    assertThat(p.size).isEqualTo("0.01");
    assertThat(p.averagePrice()).isEqualTo("3641.075");
    assertThat(p.leverage).isEqualTo("30");
    assertThat(p.unrealisedPnl).isEqualTo("-0.00255");
    assertThat(p.seq).isEqualTo(325852190774L);
  }

  @Test
  void parsesAUnifiedWallet() throws IOException {
    BybitWire.WalletDto w =
        json.parse(BybitWire.WalletFrame.class, read("ws_account_wallet.json")).data.get(0);
    assertThat(new BigDecimal(w.totalEquity)).isEqualByComparingTo("10262.91335023");
    assertThat(w.coin).extracting(c -> c.coin).containsExactly("BTC", "USDT");
    assertThat(w.coin.get(1).walletBalance).isEqualTo("9647.75537647");
    assertThat(w.coin.get(1).totalPositionIM).isEqualTo("127.8573161");
  }

  @Test
  void parsesAuthAndSubscribeRepliesInBothSpellings() throws IOException {
    BybitWire.OpReply ok = json.parse(BybitWire.OpReply.class, read("ws_auth_success.json"));
    assertThat(ok.op).isEqualTo("auth");
    assertThat(ok.success).isTrue();
    BybitWire.OpReply bad = json.parse(BybitWire.OpReply.class, read("ws_auth_failure.json"));
    assertThat(bad.success).isFalse();
    assertThat(bad.retCode).isEqualTo(10003);
    assertThat(bad.message()).isEqualTo("Invalid apikey");
    BybitWire.OpReply ack = json.parse(BybitWire.OpReply.class, read("ws_subscription_ack.json"));
    assertThat(ack.success).isTrue();
    assertThat(ack.reqId).isEqualTo("sub-orderbook-1");
    assertThat(ack.connectionId()).isEqualTo("cejreaspqfm9se7usbrg-2xh");
    BybitWire.OpReply nack =
        json.parse(BybitWire.OpReply.class, read("ws_subscription_failure.json"));
    assertThat(nack.success).isFalse();
    assertThat(nack.message()).isEqualTo("Invalid topic: invalid.topic.BTCUSDT");
  }
}
