package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import okio.Buffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parses real recorded Binance USD-M replies and stream frames from {@code tradekit.refdata}. */
class RecordedWireDataTest {
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

  /** The body of a cryptofeed line {@code <url> -> <ts>: <body>} or {@code <ts>: <body>}. */
  private static String body(String line) {
    return line.substring(line.indexOf(": ") + 2);
  }

  @Test
  void readsTheFullExchangeInfo() throws IOException {
    String line = Files.readAllLines(data.resolve("cryptofeed-20210722/BINANCE_FUTURES.0")).get(0);
    ExchangeInfoDto info = json.parse(ExchangeInfoDto.class, body(line));
    assertThat(info.symbols).hasSize(122);
    assertThat(info.serverTime).isEqualTo(1626858243909L);
    assertThat(info.futuresType).isEqualTo("U_MARGINED");
    ExchangeInfoDto.Symbol btc = Objects.requireNonNull(info.symbol("BTCUSDT"));
    assertThat(btc.contractType).isEqualTo("PERPETUAL");
    assertThat(btc.status).isEqualTo("TRADING");
    assertThat(btc.marginAsset).isEqualTo("USDT");
    assertThat(btc.pricePrecision).isEqualTo(2);
    assertThat(btc.quantityPrecision).isEqualTo(3);
    assertThat(btc.timeInForce).containsExactly("GTC", "IOC", "FOK", "GTX");
    ExchangeInfoDto.Filter price = Objects.requireNonNull(btc.filter("PRICE_FILTER"));
    assertThat(price.tickSize).isEqualTo("0.01");
    assertThat(price.minPrice).isEqualTo("556.72");
    assertThat(price.maxPrice).isEqualTo("1000000");
    ExchangeInfoDto.Filter lot = Objects.requireNonNull(btc.filter("LOT_SIZE"));
    assertThat(lot.stepSize).isEqualTo("0.001");
    assertThat(lot.minQty).isEqualTo("0.001");
    assertThat(lot.maxQty).isEqualTo("1000");
    assertThat(Objects.requireNonNull(btc.filter("MARKET_LOT_SIZE")).maxQty).isEqualTo("1000");
    assertThat(Objects.requireNonNull(btc.filter("MIN_NOTIONAL")).notional).isEqualTo("5");
    ExchangeInfoDto.Filter pct = Objects.requireNonNull(btc.filter("PERCENT_PRICE"));
    assertThat(pct.multiplierUp).isEqualTo("1.1500");
    assertThat(pct.multiplierDown).isEqualTo("0.8500");
    assertThat(pct.multiplierDecimal).isEqualTo("4");
    assertThat(Objects.requireNonNull(btc.filter("MAX_NUM_ORDERS")).limit).isEqualTo(200);
    assertThat(Objects.requireNonNull(btc.filter("MAX_NUM_ALGO_ORDERS")).limit).isEqualTo(10);
    for (ExchangeInfoDto.Symbol s : info.symbols) {
      assertThat(s.filters).as(s.symbol).hasSize(7);
      assertThat(Objects.requireNonNull(s.filter("PRICE_FILTER")).tickSize)
          .as(s.symbol)
          .isNotBlank();
      assertThat(Objects.requireNonNull(s.filter("LOT_SIZE")).stepSize).as(s.symbol).isNotBlank();
    }
    assertThat(info.rateLimits).hasSize(3);
    assertThat(info.rateLimits.get(0).rateLimitType).isEqualTo("REQUEST_WEIGHT");
    assertThat(info.rateLimits.get(0).limit).isEqualTo(2400);
    RateLimiter limiter = new RateLimiter(() -> 0L);
    limiter.setLimits(1, 1, 1);
    limiter.applyExchangeLimits(info.rateLimits);
    RateLimiter.Usage u = limiter.usage();
    assertThat(u.weightLimit1m()).isEqualTo(2400);
    assertThat(u.orderLimit10s()).isEqualTo(300);
    assertThat(u.orderLimit1m()).isEqualTo(1200);
  }

  @Test
  void readsTheDepthSnapshots() throws IOException {
    List<String> lines =
        Files.readAllLines(data.resolve("cryptofeed-20210722/BINANCE_FUTURES.http.0.0"));
    int parsed = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      DepthDto d = json.parse(DepthDto.class, body(line));
      assertThat(d.lastUpdateId).isPositive();
      assertThat(d.bids).isNotEmpty();
      assertThat(d.asks).isNotEmpty();
      parsed++;
    }
    assertThat(parsed).isEqualTo(4);
    DepthDto sushi = json.parse(DepthDto.class, body(lines.get(0)));
    assertThat(sushi.lastUpdateId).isEqualTo(600859605926L);
    assertThat(sushi.transactionTime).isEqualTo(1626992741261L);
    assertThat(sushi.bids.get(0)).isEqualTo(new PriceLevel("7.6110", "6"));
  }

  @Test
  void readsEveryCombinedFrameOfTheCryptofeedRecording() throws IOException {
    List<String> lines =
        Files.readAllLines(data.resolve("cryptofeed-20210722/BINANCE_FUTURES.ws.1.0"));
    Map<String, Integer> byType = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      MarketFrame f = json.marketFrame(body(line));
      assertThat(f.data()).isNotInstanceOf(MarketEventDto.Unknown.class);
      assertThat(f.stream()).startsWith(f.data().symbol.toLowerCase(java.util.Locale.ROOT) + "@");
      byType.merge(f.data().eventType, 1, Integer::sum);
    }
    assertThat(byType)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("depthUpdate", 764, "bookTicker", 613, "aggTrade", 91, "kline", 67));
    MarketFrame first = json.marketFrame(body(lines.get(1)));
    MarketEventDto.BookTicker bt = (MarketEventDto.BookTicker) first.data();
    assertThat(bt.updateId).isEqualTo(600859600576L);
    assertThat(bt.bidPrice).isEqualTo("7.6110");
    assertThat(bt.askQty).isEqualTo("297");
  }

  @Test
  void readsTheHftbacktestRecordingWithUnbrokenDepthChain() throws IOException {
    Map<String, Integer> byType = new HashMap<>();
    long previousU = -1;
    DepthDto snapshot = null;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data.resolve("btcusdt_20240808.gz"))),
                StandardCharsets.UTF_8))) {
      for (int n = 1; n <= 2000; n++) {
        String line = Objects.requireNonNull(in.readLine());
        String body = line.substring(line.indexOf(' ') + 1);
        if (n == 55) {
          snapshot = json.parse(DepthDto.class, body);
          continue;
        }
        MarketFrame f = json.marketFrame(body);
        byType.merge(f.data().eventType, 1, Integer::sum);
        if (f.data() instanceof MarketEventDto.DepthUpdate d) {
          if (previousU >= 0) {
            assertThat(d.previousFinalUpdateId).isEqualTo(previousU);
          }
          assertThat(d.firstUpdateId).isLessThanOrEqualTo(d.finalUpdateId);
          previousU = d.finalUpdateId;
        }
      }
    }
    assertThat(byType).isEqualTo(Map.of("bookTicker", 1483, "trade", 347, "depthUpdate", 169));
    assertThat(Objects.requireNonNull(snapshot).lastUpdateId).isEqualTo(5123107852948L);
    assertThat(snapshot.bids.get(0)).isEqualTo(new PriceLevel("61800.20", "2.909"));
    assertThat(snapshot.bids).hasSize(1000);

    String first =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,"
            + "\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\","
            + "\"q\":\"0.006\",\"X\":\"MARKET\",\"m\":false}}";
    MarketEventDto.Trade t = (MarketEventDto.Trade) json.marketFrame(first).data();
    assertThat(t.tradeId).isEqualTo(5266583935L);
    assertThat(t.price).isEqualTo("61800.30");
    assertThat(t.executionType).isEqualTo("MARKET");
  }

  @Test
  void readsEveryCcxtRestSample() throws IOException {
    Map<String, String> samples =
        rawEntries(
            Files.readString(data.resolve("rest-samples/binance.usdm-httpResponse-extract.json")));
    samples.remove("_note");
    Map<String, Integer> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : samples.entrySet()) {
      checked.put(e.getKey(), checkSample(e.getKey(), e.getValue()));
    }
    assertThat(checked).hasSize(15).doesNotContainValue(0);
  }

  /** Parses one sample with the DTO its call returns; returns how many objects were checked. */
  private int checkSample(String key, String body) throws IOException {
    String call = key.substring(0, key.indexOf(" / "));
    switch (call) {
      case "createOrders", "editOrders" -> {
        OrderDto o = json.parseList(OrderDto.class, body).get(0);
        assertThat(o.orderId).isEqualTo(4087922044L);
        assertThat(o.clientOrderId).isEqualTo("x-xcKtGhcu04075babaeb34c55af79ba");
        assertThat(o.price).isIn("110001.00", "666666.00");
        assertThat(o.cumQty).isEqualTo("0.000");
        assertThat(o.updateTime).isIn(1739781831932L, 1739782577805L);
        assertThat(o.isError()).isFalse();
        return 1;
      }
      case "fetchOpenOrder" -> {
        OrderDto o = json.parse(OrderDto.class, body);
        assertThat(o.orderId).isEqualTo(664082074L);
        assertThat(o.timeInForce).isEqualTo("GTX");
        assertThat(o.time).isEqualTo(1707907323983L);
        assertThat(o.goodTillDate).isZero();
        return 1;
      }
      case "fetchOpenOrders", "fetchOrders" -> {
        List<OrderDto> orders = json.parseList(OrderDto.class, body);
        assertThat(orders.get(0).orderId).isIn(29067571132L, 262065925771L);
        assertThat(orders.get(0).symbol).isNotEmpty();
        return orders.size();
      }
      case "fetchPositions" -> {
        if (key.contains("account")) {
          AccountDto a = json.parse(AccountDto.class, body);
          assertThat(a.feeTier).isNull(); // v3
          assertThat(a.availableBalance).isEqualTo("18.65949928");
          AccountDto.Position p = a.positions.get(0);
          assertThat(p.positionAmt).isEqualTo("0.009");
          assertThat(p.updateTime).isEqualTo(1722161166529L);
          return a.positions.size();
        }
        PositionRiskDto p = json.parseList(PositionRiskDto.class, body).get(0);
        assertThat(p.symbol).isEqualTo("BTCUSDT");
        assertThat(p.positionAmt).isEqualTo("0.009");
        assertThat(p.entryPrice).isEqualTo("67445.9");
        assertThat(p.breakEvenPrice).isEqualTo("67479.62295");
        assertThat(p.adl).isEqualTo(2);
        assertThat(p.updateTime).isEqualTo(1722161166529L);
        return 1;
      }
      case "fetchMyTrades" -> {
        UserTradeDto t = json.parseList(UserTradeDto.class, body).get(0);
        assertThat(t.id).isEqualTo(272536245L);
        assertThat(t.orderId).isEqualTo(3524852987L);
        assertThat(t.qty).isEqualTo("0.010");
        assertThat(t.commission).isEqualTo("0.14626840");
        assertThat(t.time).isEqualTo(1699972836419L);
        assertThat(t.buyer).isTrue();
        assertThat(t.maker).isFalse();
        return 1;
      }
      case "fetchBalance" -> {
        AccountDto a = json.parse(AccountDto.class, body);
        assertThat(a.feeTier).isZero(); // v2
        assertThat(a.canTrade).isTrue();
        assertThat(a.tradeGroupId).isEqualTo(-1L);
        assertThat(a.totalWalletBalance).isEqualTo("31.02261200");
        AccountDto.AssetBalance usdt = a.assets.get(0);
        assertThat(usdt.asset).isEqualTo("USDT");
        assertThat(usdt.marginAvailable).isTrue();
        assertThat(usdt.updateTime).isEqualTo(1701270042059L);
        assertThat(a.positions).isEmpty();
        return a.assets.size();
      }
      case "fetchOHLCV" -> {
        List<KlineDto> k = json.parseList(KlineDto.class, body);
        assertThat(k).hasSize(3);
        assertThat(k.get(0).openTime()).isEqualTo(1712738460000L);
        assertThat(k.get(0).closeTime()).isEqualTo(1712738519999L);
        assertThat(k.get(1).low()).isEqualTo("70459.40");
        assertThat(k.get(1).trades()).isEqualTo(9);
        assertThat(k.get(2).takerBuyQuoteVolume()).isEqualTo("929.12130");
        return k.size();
      }
      case "fetchOrderBook" -> {
        DepthDto d = json.parse(DepthDto.class, body);
        assertThat(d.lastUpdateId).isEqualTo(35263532345L);
        assertThat(d.eventTime).isEqualTo(1706803917264L);
        assertThat(d.bids).hasSize(5).first().isEqualTo(new PriceLevel("42651.10", "470.672"));
        assertThat(d.asks.get(4)).isEqualTo(new PriceLevel("42998.10", "0.071"));
        return 1;
      }
      case "fetchFundingHistory" -> {
        IncomeDto i = json.parseList(IncomeDto.class, body).get(0);
        assertThat(i.incomeType).isEqualTo("FUNDING_FEE");
        assertThat(i.income).isEqualTo("-0.04618913");
        assertThat(i.tranId).isEqualTo(8082457372019390060L);
        assertThat(i.tradeId).isEmpty();
        return 1;
      }
      case "fetchMarginAdjustmentHistory" -> {
        List<PositionMarginChangeDto> m = json.parseList(PositionMarginChangeDto.class, body);
        assertThat(m).extracting(x -> x.deltaType).containsExactly("TRADE", "USER_ADJUST");
        assertThat(m.get(1).amount).isEqualTo("10.00000000");
        assertThat(m.get(1).type).isEqualTo(1);
        return m.size();
      }
      case "fetchMarginMode" -> {
        SymbolConfigDto c = json.parseList(SymbolConfigDto.class, body).get(0);
        assertThat(c.marginType).isEqualTo("CROSSED");
        assertThat(c.leverage).isEqualTo(20);
        return 1;
      }
      default -> throw new AssertionError("no DTO chosen for sample '" + key + "'");
    }
  }

  /** The raw JSON text of each top-level entry, byte for byte. */
  private static Map<String, String> rawEntries(String file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(file));
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      try (okio.BufferedSource value = reader.nextSource()) {
        out.put(name, value.readUtf8());
      }
    }
    reader.endObject();
    return out;
  }
}
