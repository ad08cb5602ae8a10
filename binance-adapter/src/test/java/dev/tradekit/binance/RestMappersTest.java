package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DTO → model mapping on real Binance replies (exchangeInfo of 2021-07-22, ccxt REST samples). */
class RestMappersTest {
  private final BinanceJson json = new BinanceJson();
  private Path data = Path.of("");

  @BeforeEach
  void locateData() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(
        root != null && Files.isDirectory(Path.of(root, "binance-usdm")),
        "reference data not found: set -Dtradekit.refdata to the shared data folder");
    data = Path.of(Objects.requireNonNull(root), "binance-usdm");
  }

  private List<Instrument> instruments() throws IOException {
    String line = Files.readAllLines(data.resolve("cryptofeed-20210722/BINANCE_FUTURES.0")).get(0);
    return InstrumentMapper.instruments(
        json.parse(ExchangeInfoDto.class, line.substring(line.indexOf(": ") + 2)));
  }

  private String sample(String key) throws IOException {
    String file =
        Files.readString(data.resolve("rest-samples/binance.usdm-httpResponse-extract.json"));
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(file));
    Map<String, String> out = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      try (okio.BufferedSource value = reader.nextSource()) {
        out.put(name, value.readUtf8());
      }
    }
    return Objects.requireNonNull(out.get(key), key);
  }

  @Test
  void mapsEveryExchangeInfoSymbolWithAllItsFilters() throws IOException {
    List<Instrument> all = instruments();
    assertThat(all).hasSize(122);
    assertThat(all.stream().filter(i -> !i.trading()).map(Instrument::symbol)).hasSize(1);
    Instrument btc = all.stream().filter(i -> i.symbol().equals("BTCUSDT")).findFirst().get();
    assertThat(btc.baseAsset()).isEqualTo("BTC");
    assertThat(btc.marginAsset()).isEqualTo("USDT");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
    assertThat(btc.minPrice()).isEqualByComparingTo("556.72");
    assertThat(btc.maxPrice()).isEqualByComparingTo("1000000");
    assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
    assertThat(btc.minQty()).isEqualByComparingTo("0.001");
    assertThat(btc.maxQty()).isEqualByComparingTo("1000");
    assertThat(btc.marketMaxQty()).isEqualByComparingTo("1000");
    assertThat(btc.minNotional()).isEqualByComparingTo("5");
    assertThat(btc.percentPriceUp()).isEqualByComparingTo("1.15");
    assertThat(btc.percentPriceDown()).isEqualByComparingTo("0.85");
    assertThat(btc.maxNumOrders()).isEqualTo(200);
    assertThat(btc.pricePrecision()).isEqualTo(2);
    assertThat(btc.quantityPrecision()).isEqualTo(3);
    Instrument bch = all.stream().filter(i -> i.symbol().equals("BCHUSDT")).findFirst().get();
    assertThat(bch.maxQty()).isEqualByComparingTo("10000");
    assertThat(bch.marketMaxQty()).isEqualByComparingTo("1000");
  }

  @Test
  void everySymbolTurnsARoundedOrderIntoPlainWireParameters() throws IOException {
    int checked = 0;
    for (Instrument i : instruments()) {
      if (!i.trading()) {
        continue;
      }
      // A price three ticks above twice the minimum, nudged off the grid and rounded back.
      BigDecimal raw =
          i.minPrice()
              .multiply(BigDecimal.valueOf(2))
              .add(i.tickSize().multiply(new BigDecimal("3.37")));
      BigDecimal price = i.roundPrice(raw, RoundingMode.DOWN);
      BigDecimal qtyForNotional =
          i.minNotional().multiply(new BigDecimal("1.5")).divide(price, 20, RoundingMode.UP);
      BigDecimal qty =
          i.roundQuantity(qtyForNotional.max(i.minQty()).add(i.stepSize()), OrderType.LIMIT);
      OrderRequest r =
          OrderRequest.limit(i.symbol(), Side.BUY, qty, price).withClientOrderId("c-" + checked);
      Map<String, String> p = OrderParams.newOrder(r, i);
      assertThat(p.get("price"))
          .as(i.symbol())
          .doesNotContain("E")
          .isEqualTo(price.toPlainString());
      assertThat(new BigDecimal(p.get("price")).subtract(i.minPrice()).remainder(i.tickSize()))
          .as(i.symbol())
          .isZero();
      assertThat(new BigDecimal(p.get("quantity")).remainder(i.stepSize())).as(i.symbol()).isZero();
      assertThat(p.get("quantity")).doesNotContain("E").doesNotEndWith(".");
      OrderRequest offStep = r.withQuantity(qty.add(i.stepSize().divide(BigDecimal.valueOf(2))));
      assertThatThrownBy(() -> OrderParams.newOrder(offStep, i))
          .as(i.symbol())
          .isInstanceOf(InvalidOrderException.class)
          .hasMessageContaining("stepSize");
      checked++;
    }
    assertThat(checked).isEqualTo(121);
  }

  @Test
  void mapsPlacedAndQueriedOrders() throws IOException {
    Order created =
        OrderMapper.order(
            json.parseList(OrderDto.class, sample("createOrders / create swap orders")).get(0));
    assertThat(created.orderId()).isEqualTo("4087922044");
    assertThat(created.clientOrderId()).isEqualTo("x-xcKtGhcu04075babaeb34c55af79ba");
    assertThat(created.side()).isEqualTo(Side.SELL);
    assertThat(created.type()).isEqualTo(OrderType.LIMIT);
    assertThat(created.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(created.price()).isEqualByComparingTo("110001");
    assertThat(created.quantity()).isEqualByComparingTo("0.2");
    assertThat(created.averagePrice()).isNull();
    assertThat(created.status()).isEqualTo(OrderStatus.NEW);
    assertThat(created.createTime()).isEqualTo(1739781831932L); // no "time": the update time
    Order postOnly =
        OrderMapper.order(json.parse(OrderDto.class, sample("fetchOpenOrder / swap open order")));
    assertThat(postOnly.timeInForce()).isEqualTo(TimeInForce.GTX);
    assertThat(postOnly.createTime()).isEqualTo(1707907323983L);
    assertThat(postOnly.updateTime()).isEqualTo(1707907323991L);
    Order filled =
        OrderMapper.orders(
                json.parseList(
                    OrderDto.class, sample("fetchOrders / fetch portfolio margin orders")))
            .get(0);
    assertThat(filled.type()).isEqualTo(OrderType.MARKET);
    assertThat(filled.price()).isNull();
    assertThat(filled.timeInForce()).isNull();
    assertThat(filled.positionSide()).isEqualTo(PositionSide.LONG);
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.executedQuantity()).isEqualByComparingTo("0.01");
    assertThat(filled.averagePrice()).isEqualByComparingTo("47279.4");
  }

  @Test
  void leavesOutConditionalOrdersFromListsAndRefusesThemOneByOne() {
    OrderDto stop = new OrderDto();
    stop.orderId = 7;
    stop.symbol = "BTCUSDT";
    stop.type = "STOP_MARKET";
    stop.status = "NEW";
    stop.side = "SELL";
    stop.origQty = "1";
    assertThat(OrderMapper.orders(List.of(stop))).isEmpty();
    assertThatThrownBy(() -> OrderMapper.order(stop))
        .isInstanceOf(ExchangeException.class)
        .hasMessageContaining("STOP_MARKET");
  }

  @Test
  void mapsUserTradesToFills() throws IOException {
    Fill f =
        OrderMapper.fills(
                json.parseList(UserTradeDto.class, sample("fetchMyTrades / Swap private trade")))
            .get(0);
    assertThat(f.tradeId()).isEqualTo("272536245");
    assertThat(f.orderId()).isEqualTo("3524852987");
    assertThat(f.side()).isEqualTo(Side.BUY);
    assertThat(f.price()).isEqualByComparingTo("36567.1");
    assertThat(f.quantity()).isEqualByComparingTo("0.01");
    assertThat(f.commission()).isEqualByComparingTo("0.1462684");
    assertThat(f.commissionAsset()).isEqualTo("USDT");
    assertThat(f.realizedPnl()).isZero();
    assertThat(f.maker()).isFalse();
    assertThat(f.time()).isEqualTo(1699972836419L);
    assertThat(f.clientOrderId()).isNull();
  }

  @Test
  void mapsPositionRiskAndDerivesTheLeverageV3LeavesOut() throws IOException {
    Position p =
        AccountMapper.position(
            json.parseList(
                    PositionRiskDto.class,
                    sample("fetchPositions / Fetch linear positions with symbols"))
                .get(0));
    assertThat(p.symbol()).isEqualTo("BTCUSDT");
    assertThat(p.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(p.amount()).isEqualByComparingTo("0.009");
    assertThat(p.entryPrice()).isEqualByComparingTo("67445.9");
    assertThat(p.markPrice()).isEqualByComparingTo("67582.2");
    assertThat(p.unrealizedPnl()).isEqualByComparingTo("1.2267");
    assertThat(p.leverage()).isEqualTo(80); // notional 608.2398 / initial margin 7.60299749
    assertThat(p.marginType()).isEqualTo(MarginType.CROSS);
    assertThat(p.updateTime()).isEqualTo(1722161166529L);

    PositionRiskDto v2Short = new PositionRiskDto();
    v2Short.symbol = "ETHUSDT";
    v2Short.positionSide = "SHORT";
    v2Short.positionAmt = "-1.5";
    v2Short.entryPrice = "3000";
    v2Short.markPrice = "2990";
    v2Short.unRealizedProfit = "15";
    v2Short.leverage = "10";
    v2Short.marginType = "isolated";
    Position hedge = AccountMapper.position(v2Short);
    assertThat(hedge.isShort()).isTrue();
    assertThat(hedge.leverage()).isEqualTo(10);
    assertThat(hedge.marginType()).isEqualTo(MarginType.ISOLATED);
    v2Short.positionAmt = "0";
    assertThat(AccountMapper.openPositions(List.of(v2Short))).isEmpty();
  }

  @Test
  void mapsAccountV2ToASnapshot() throws IOException {
    AccountSnapshot a =
        AccountMapper.snapshot(
            json.parse(AccountDto.class, sample("fetchBalance / Linear swap balance")), false, 42L);
    assertThat(a.time()).isEqualTo(42L);
    assertThat(a.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    assertThat(a.balances()).hasSize(1);
    assertThat(a.balance("USDT").get().walletBalance()).isEqualByComparingTo("31.022612");
    assertThat(a.balance("USDT").get().availableBalance()).isEqualByComparingTo("31.022612");
    assertThat(a.positions()).isEmpty();
  }

  @Test
  void mapsAccountV3PositionsDerivingEntryPriceAndLeverage() throws IOException {
    AccountSnapshot a =
        AccountMapper.snapshot(
            json.parse(
                AccountDto.class,
                sample("fetchPositions / Fetch linear positions using account endnpoint")),
            true,
            1L);
    assertThat(a.positionMode()).isEqualTo(PositionMode.HEDGE);
    Position btc = a.position("BTCUSDT", PositionSide.BOTH).orElseThrow();
    assertThat(btc.amount()).isEqualByComparingTo("0.009");
    // (notional 607.55548506 - uPnL 0.54238506) / 0.009
    assertThat(btc.entryPrice()).isEqualByComparingTo("67445.9");
    assertThat(btc.leverage()).isEqualTo(80);
    assertThat(btc.markPrice()).isNull();
    assertThat(a.balance("BTC")).isPresent();
  }

  @Test
  void mapsKlinesDepthAndIncome() throws IOException {
    List<Kline> k =
        MarketMapper.klines(
            "BTCUSDT",
            KlineInterval.M1,
            json.parseList(KlineDto.class, sample("fetchOHLCV / swap ohlcv")));
    assertThat(k).hasSize(3);
    assertThat(k.get(1).openTime()).isEqualTo(1712738520000L);
    assertThat(k.get(1).high()).isEqualByComparingTo("71471");
    assertThat(k.get(1).low()).isEqualByComparingTo("70459.4");
    assertThat(k.get(1).trades()).isEqualTo(9);
    assertThat(k.get(1).takerBuyBaseVolume()).isEqualByComparingTo("0.061");

    OrderBookSnapshot book =
        MarketMapper.depth(
            "BTCUSDT", json.parse(DepthDto.class, sample("fetchOrderBook / swap orderbook")));
    assertThat(book.lastUpdateId()).isEqualTo(35263532345L);
    assertThat(book.time()).isEqualTo(1706803917258L);
    assertThat(book.bestBid().get().price()).isEqualByComparingTo("42651.1");
    assertThat(book.bestAsk().get().quantity()).isEqualByComparingTo("7.011");
    assertThat(book.asks()).hasSize(5);

    Income i =
        AccountMapper.income(
            json.parseList(
                    IncomeDto.class,
                    sample("fetchFundingHistory / fetch portfolio margin funding history"))
                .get(0));
    assertThat(i.type()).isEqualTo("FUNDING_FEE");
    assertThat(i.amount()).isEqualByComparingTo("-0.04618913");
    assertThat(i.tranId()).isEqualTo("8082457372019390060");
    assertThat(i.time()).isEqualTo(1707465600000L);
  }
}
