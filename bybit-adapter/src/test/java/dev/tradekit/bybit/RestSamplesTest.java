package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every REST reply kind the adapter reads, from the real nautilus_trader samples, mapped exactly.
 */
class RestSamplesTest {
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
  void instrumentsCarryTheFiltersAndRoundExactly() throws IOException {
    BybitWire.InstrumentsReply r =
        json.parse(BybitWire.InstrumentsReply.class, read("http_get_instruments_linear.json"));
    assertThat(r.result.nextPageCursor).isNull();
    assertThat(r.result.list).hasSize(2);
    Instrument btc = BybitMapper.instrument(r.result.list.get(0));
    assertThat(btc.symbol()).isEqualTo("BTCUSDT");
    assertThat(btc.trading()).isTrue();
    assertThat(btc.marginAsset()).isEqualTo("USDT");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.5");
    assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
    assertThat(btc.minQty()).isEqualByComparingTo("0.001");
    assertThat(btc.maxQty()).isEqualByComparingTo("100");
    assertThat(btc.marketMaxQty()).isEqualByComparingTo("50");
    assertThat(btc.minNotional()).isEqualByComparingTo("5");
    assertThat(btc.roundPrice(new BigDecimal("27450.74"), RoundingMode.DOWN))
        .isEqualByComparingTo("27450.5");
    assertThat(btc.roundQuantity(new BigDecimal("0.0157"), OrderType.LIMIT))
        .isEqualByComparingTo("0.015");
    Instrument eth = BybitMapper.instrument(r.result.list.get(1));
    assertThat(eth.tickSize()).isEqualByComparingTo("0.05");
    assertThat(eth.roundPrice(new BigDecimal("3000.07"), RoundingMode.DOWN))
        .isEqualByComparingTo("3000.05");
  }

  @Test
  void theRestBookIsASnapshotWithItsUpdateId() throws IOException {
    OrderBookSnapshot b =
        BybitMapper.orderBook(
            json.parse(BybitWire.OrderBookReply.class, read("http_get_orderbook.json")).result);
    assertThat(b.symbol()).isEqualTo("BTCUSDT");
    assertThat(b.lastUpdateId()).isEqualTo(1234567L);
    assertThat(b.time()).isEqualTo(1709891679000L);
    assertThat(b.bids().get(0))
        .isEqualTo(new PriceLevel(new BigDecimal("27450.50"), new BigDecimal("1.500")));
    assertThat(b.asks()).hasSize(3);
  }

  @Test
  void openAndHistoricOrdersMapWithTheirStatus() throws IOException {
    List<BybitWire.OrderDto> open =
        json.parse(BybitWire.OrdersReply.class, read("http_get_orders_realtime.json")).result.list;
    Order o = BybitMapper.order(open.get(0));
    assertThat(o.orderId()).isEqualTo("open-order-1");
    assertThat(o.clientOrderId()).isEqualTo("client-open-1");
    assertThat(o.side()).isEqualTo(Side.BUY);
    assertThat(o.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(o.type()).isEqualTo(OrderType.LIMIT);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(o.price()).isEqualByComparingTo("3930.41");
    assertThat(o.quantity()).isEqualByComparingTo("0.010");
    assertThat(o.averagePrice()).isNull();
    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    assertThat(o.createTime()).isEqualTo(1761355905606L);
    Order h =
        BybitMapper.order(
            json.parse(BybitWire.OrdersReply.class, read("http_get_orders_history.json"))
                .result
                .list
                .get(0));
    assertThat(h.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(h.updateTime()).isEqualTo(1700000005000L);
  }

  @Test
  void executionsPageWithACursorAndMapToFills() throws IOException {
    BybitWire.ExecutionsReply r =
        json.parse(BybitWire.ExecutionsReply.class, read("http_get_executions.json"));
    assertThat(r.result.nextPageCursor).isEqualTo("132766%3A2%2C132766%3A2");
    Fill f = BybitMapper.fill(r.result.list.get(0), 0);
    assertThat(f.tradeId()).isEqualTo("e0cbe81d-0f18-5866-9415-cf319b5dab3b");
    assertThat(f.clientOrderId()).isEqualTo("test-order-001");
    assertThat(f.side()).isEqualTo(Side.BUY);
    assertThat(f.price()).isEqualByComparingTo("50000.00");
    assertThat(f.quantity()).isEqualByComparingTo("0.100");
    assertThat(f.commission()).isEqualByComparingTo("0.0150");
    assertThat(f.commissionAsset()).isEqualTo("USDT");
    assertThat(f.maker()).isTrue();
    assertThat(f.time()).isEqualTo(1672282722429L);
  }

  @Test
  void positionsAreSignedBySide() throws IOException {
    List<BybitWire.PositionDto> list =
        json.parse(BybitWire.PositionsReply.class, read("http_get_positions.json")).result.list;
    Position btc = BybitMapper.position(list.get(0));
    assertThat(btc.amount()).isEqualByComparingTo("0.5");
    assertThat(btc.entryPrice()).isEqualByComparingTo("50000.00");
    assertThat(btc.markPrice()).isEqualByComparingTo("50500.00");
    assertThat(btc.unrealizedPnl()).isEqualByComparingTo("250.00");
    assertThat(btc.leverage()).isEqualTo(10);
    assertThat(btc.marginType()).isEqualTo(MarginType.CROSS);
    assertThat(btc.updateTime()).isEqualTo(1697673600012L);
    Position eth = BybitMapper.position(list.get(1));
    assertThat(eth.amount()).isEqualByComparingTo("-5.0");
    assertThat(eth.isShort()).isTrue();
  }

  @Test
  void theUnifiedWalletListsItsCoins() throws IOException {
    BybitWire.WalletDto w =
        json.parse(BybitWire.WalletReply.class, read("http_get_wallet_balance.json"))
            .result
            .list
            .get(0);
    assertThat(w.accountType).isEqualTo("UNIFIED");
    assertThat(w.totalAvailableBalance).isEqualTo("3.00326056");
    BybitWire.CoinDto usdt =
        w.coin.stream().filter(c -> c.coin.equals("USDT")).findFirst().orElseThrow();
    assertThat(usdt.walletBalance).isEqualTo("1000.50");
  }

  @Test
  void klinesAndRecentTradesKeepTheVenueStrings() throws IOException {
    BybitWire.KlinePage k =
        json.parse(BybitWire.KlinesReply.class, read("http_get_klines_linear.json")).result;
    assertThat(k.symbol).isEqualTo("BTCUSDT");
    assertThat(k.list.get(0))
        .containsExactly("1709891679000", "27450", "27460", "27440", "27455", "123.45", "3390000");
    BybitWire.RecentTradeDto t =
        json.parse(BybitWire.RecentTradesReply.class, read("http_get_trades_recent.json"))
            .result
            .list
            .get(0);
    assertThat(t.execId).isEqualTo("a905d5c3-1ed0-4f37-83e4-9c73a2fe2f01");
    assertThat(t.price).isEqualTo("27450.50");
    assertThat(t.side).isEqualTo("Buy");
    assertThat(t.time).isEqualTo(1709891679000L);
  }
}
