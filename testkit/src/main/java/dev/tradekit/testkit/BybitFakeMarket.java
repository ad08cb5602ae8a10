package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.testkit.BybitFakeRest.Failure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Bybit v5 public market endpoints ({@code /v5/market/...}) on the simulated venue. */
final class BybitFakeMarket {
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Map<String, Instrument> instruments;
  private final Exchange market;
  private final java.util.function.LongSupplier serverTime;

  BybitFakeMarket(
      SimVenue venue,
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Exchange market,
      java.util.function.LongSupplier serverTime) {
    this.venue = venue;
    this.driver = driver;
    this.instruments = instruments;
    this.market = market;
    this.serverTime = serverTime;
  }

  private long serverTime() {
    return serverTime.getAsLong();
  }

  /** The reply of the market endpoint {@code path}. */
  String handle(String path, Map<String, String> q) {
    return switch (path) {
      case "/v5/market/time" -> {
        long now = serverTime();
        yield "{\"timeSecond\":\"" + now / 1000 + "\",\"timeNano\":\"" + now * 1_000_000 + "\"}";
      }
      case "/v5/market/instruments-info" -> {
        Json j = new Json().obj().str("category", "linear").key("list").arr();
        for (Instrument i : instruments.values()) {
          if (!q.containsKey("symbol") || q.get("symbol").equals(i.symbol())) {
            BybitFakeWire.instrument(j, i);
          }
        }
        yield j.endArr().str("nextPageCursor", "").end().toString();
      }
      case "/v5/market/orderbook" ->
          book(symbol(q), Integer.parseInt(q.getOrDefault("limit", "25")));
      case "/v5/market/tickers" -> tickers(q.get("symbol"));
      case "/v5/market/kline" -> klines(q);
      default -> throw new Failure(404, 0, "Not Found");
    };
  }

  private String symbol(Map<String, String> q) {
    String s = q.get("symbol");
    if (s == null || !instruments.containsKey(s)) {
      throw new Failure(200, 10001, "params error: symbol invalid");
    }
    return s;
  }

  private String book(String symbol, int limit) {
    Instrument i = java.util.Objects.requireNonNull(instruments.get(symbol));
    return driver.run(
        () -> {
          OrderBookView v = venue.publicBook(symbol);
          Json j = new Json().obj().str("s", symbol).key("b").arr();
          for (int k = 0; k < Math.min(limit, v.depth(Side.BUY)); k++) {
            j.arr().str(BinanceWire.price(i, v.priceTicks(Side.BUY, k)));
            j.str(BinanceWire.qty(i, v.quantity(Side.BUY, k))).endArr();
          }
          j.endArr().key("a").arr();
          for (int k = 0; k < Math.min(limit, v.depth(Side.SELL)); k++) {
            j.arr().str(BinanceWire.price(i, v.priceTicks(Side.SELL, k)));
            j.str(BinanceWire.qty(i, v.quantity(Side.SELL, k))).endArr();
          }
          j.endArr()
              .num("ts", serverTime())
              .num("u", v.lastUpdateId())
              .num("seq", v.lastUpdateId());
          return j.num("cts", serverTime()).end().toString();
        });
  }

  private String tickers(@Nullable String symbol) {
    List<Ticker24h> all = driver.call(() -> market.marketData().tickers24h());
    Json j = new Json().obj().str("category", "linear").key("list").arr();
    for (Ticker24h t : all) {
      if (symbol != null && !symbol.equals(t.symbol())) {
        continue;
      }
      Instrument i = instruments.get(t.symbol());
      j.obj().str("symbol", t.symbol()).str("lastPrice", BybitFakeWire.plain(t.lastPrice()));
      j.str("prevPrice24h", BybitFakeWire.plain(t.openPrice()));
      j.str("price24hPcnt", BybitFakeWire.plain(t.priceChangePercent().movePointLeft(2)));
      j.str("highPrice24h", BybitFakeWire.plain(t.highPrice()));
      j.str("lowPrice24h", BybitFakeWire.plain(t.lowPrice()));
      j.str("volume24h", BybitFakeWire.plain(t.volume()));
      j.str("turnover24h", BybitFakeWire.plain(t.quoteVolume()));
      BigDecimal mark;
      try {
        mark = driver.call(() -> market.marketData().markPrice(t.symbol()));
      } catch (RuntimeException e) {
        mark = t.lastPrice();
      }
      j.str(
          "markPrice",
          i == null
              ? BybitFakeWire.plain(mark)
              : BybitFakeWire.plain(i.roundPrice(mark, java.math.RoundingMode.HALF_UP)));
      j.end();
    }
    return j.endArr().end().toString();
  }

  private String klines(Map<String, String> q) {
    String symbol = symbol(q);
    KlineInterval interval = interval(q.getOrDefault("interval", ""));
    KlineQuery.Builder kb =
        KlineQuery.builder()
            .symbol(symbol)
            .interval(interval)
            .limit(Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "200"))));
    if (q.containsKey("start")) {
      kb.startTime(Long.parseLong(q.get("start")));
    }
    if (q.containsKey("end")) {
      kb.endTime(Long.parseLong(q.get("end")));
    }
    KlineQuery query = kb.build();
    List<Kline> bars = driver.call(() -> market.marketData().klines(query));
    Json j = new Json().obj().str("category", "linear").str("symbol", symbol).key("list").arr();
    for (int k = bars.size() - 1; k >= 0; k--) {
      Kline b = bars.get(k);
      j.arr().str(Long.toString(b.openTime())).str(b.open().toPlainString());
      j.str(b.high().toPlainString()).str(b.low().toPlainString()).str(b.close().toPlainString());
      j.str(b.volume().toPlainString()).str(b.quoteVolume().toPlainString()).endArr();
    }
    return j.endArr().end().toString();
  }

  private static KlineInterval interval(String code) {
    return switch (code) {
      case "1" -> KlineInterval.M1;
      case "3" -> KlineInterval.M3;
      case "5" -> KlineInterval.M5;
      case "15" -> KlineInterval.M15;
      case "30" -> KlineInterval.M30;
      case "60" -> KlineInterval.H1;
      case "120" -> KlineInterval.H2;
      case "240" -> KlineInterval.H4;
      case "360" -> KlineInterval.H6;
      case "720" -> KlineInterval.H12;
      case "D" -> KlineInterval.D1;
      case "W" -> KlineInterval.W1;
      case "M" -> KlineInterval.MN1;
      default -> throw new Failure(200, 10001, "params error: interval invalid");
    };
  }
}
