package dev.tradekit.testkit;

import static dev.tradekit.testkit.Params.intParam;
import static dev.tradekit.testkit.Params.longParam;
import static dev.tradekit.testkit.Params.require;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binance's public market-data endpoints, answered from the simulated venue's books and history.
 */
final class MarketEndpoints {
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Function<String, Instrument> instrument;
  private final Map<String, Instrument> instruments;
  private final Map<String, Exchange> accounts;
  private final RateLimits limits;

  MarketEndpoints(
      SimVenue venue,
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Map<String, Exchange> accounts,
      RateLimits limits) {
    this.venue = venue;
    this.driver = driver;
    this.instruments = instruments;
    this.instrument = symbol -> Params.instrument(instruments, symbol);
    this.accounts = accounts;
    this.limits = limits;
  }

  /** The reply to a market-data endpoint, or null when {@code key} ("METHOD /path") is not one. */
  @Nullable String handle(String key, Map<String, String> p, long now) {
    switch (key) {
      case "GET /fapi/v1/ping":
        return "{}";
      case "GET /fapi/v1/time":
        return "{\"serverTime\":" + now + "}";
      case "GET /fapi/v1/exchangeInfo":
        return BinanceWire.exchangeInfo(instruments.values(), now, limits);
      case "GET /fapi/v1/depth":
        {
          Instrument i = instrument.apply(require(p, "symbol"));
          int limit = p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : 500;
          return driver.run(() -> BinanceWire.depth(i, venue.publicBook(i.symbol()), limit, now));
        }
      case "GET /fapi/v1/ticker/bookTicker":
        return bookTicker(instrument.apply(require(p, "symbol")), now);
      case "GET /fapi/v1/premiumIndex":
        {
          Instrument i = instrument.apply(require(p, "symbol"));
          BigDecimal mark = driver.run(() -> venue.markPrice(i.symbol()));
          Json j =
              new Json().obj().str("symbol", i.symbol()).str("markPrice", BinanceWire.plain(mark));
          j.str("indexPrice", BinanceWire.plain(mark))
              .str("estimatedSettlePrice", BinanceWire.plain(mark));
          j.str("lastFundingRate", "0").num("nextFundingTime", 0).str("interestRate", "0");
          return j.num("time", now).end().toString();
        }
      case "GET /fapi/v1/ticker/24hr":
        {
          String symbol = p.get("symbol");
          Exchange any = anyAccount();
          if (symbol == null) {
            return HistoryWire.ticker(driver.call(() -> any.marketData().tickers24h()), false);
          }
          String s = instrument.apply(symbol).symbol();
          return HistoryWire.ticker(
              List.of(driver.call(() -> any.marketData().ticker24h(s))), true);
        }
      case "GET /fapi/v1/klines":
        {
          KlineQuery q;
          try {
            q =
                new KlineQuery(
                    instrument.apply(require(p, "symbol")).symbol(),
                    KlineInterval.fromCode(require(p, "interval")),
                    longParam(p, "startTime"),
                    longParam(p, "endTime"),
                    intParam(p, "limit", 500));
          } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(-1120, "Invalid interval or range: " + e.getMessage());
          }
          Exchange any = anyAccount();
          return HistoryWire.klines(driver.call(() -> any.marketData().klines(q)));
        }
      default:
        return null;
    }
  }

  private String bookTicker(Instrument i, long now) {
    return driver.run(
        () -> {
          OrderBookView b = venue.publicBook(i.symbol());
          Json j = new Json().obj().str("symbol", i.symbol());
          j.str("bidPrice", BinanceWire.price(i, b.bestBidTicks()))
              .str("bidQty", BinanceWire.qty(i, b.bestBidQuantity()));
          j.str("askPrice", BinanceWire.price(i, b.bestAskTicks()))
              .str("askQty", BinanceWire.qty(i, b.bestAskQuantity()));
          return j.num("time", now).num("lastUpdateId", b.lastUpdateId()).end().toString();
        });
  }

  /** Market data is the same for every account; any one answers it. */
  private Exchange anyAccount() {
    return accounts.values().stream()
        .findFirst()
        .orElseGet(
            () ->
                driver.run(
                    () -> {
                      java.util.List<String> names = venue.accountNames();
                      return names.isEmpty()
                          ? venue.openAccount(
                              "fake-binance-market", AccountSetup.usdt(BigDecimal.ONE))
                          : venue.account(names.get(0));
                    }));
  }
}
