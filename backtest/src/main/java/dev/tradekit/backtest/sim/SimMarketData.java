package dev.tradekit.backtest.sim;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Market data as an account sees it: the visible (latency-delayed) book, ticker and trades.
 * Instruments and the server time answer at once; the rest is read at the matcher after the order
 * latency. Klines and 24-hour tickers come from the trades seen in the last 7 days.
 */
final class SimMarketData implements MarketData {
  private final SimExchange ex;

  SimMarketData(SimExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<List<Instrument>> instruments() {
    return CompletableFuture.completedFuture(List.copyOf(ex.venue.instruments()));
  }

  @Override
  public CompletableFuture<Instrument> instrument(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    SymbolMatcher m = ex.venue.matcher(symbol);
    return m == null
        ? CompletableFuture.failedFuture(unknown(symbol))
        : CompletableFuture.completedFuture(m.market.instrument);
  }

  private UnknownSymbolException unknown(String symbol) {
    return new UnknownSymbolException(
        SimExchangeProvider.ID,
        -1121,
        "Invalid symbol " + symbol + ": listed are " + ex.venue.symbols());
  }

  private VisibleFeed feed(String symbol) {
    VisibleFeed f = ex.venue.feed(symbol);
    if (f == null) {
      throw unknown(symbol);
    }
    return f;
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit) {
    Objects.requireNonNull(symbol, "symbol");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    return ex.call(
        () -> {
          SymbolMarket market = Objects.requireNonNull(ex.venue.matcher(symbol), "matcher").market;
          OrderBook book = feed(symbol).book();
          return new OrderBookSnapshot(
              symbol,
              Math.max(0, book.lastUpdateId()),
              Math.max(0, book.timestamp()),
              levels(market, book, Side.BUY, limit),
              levels(market, book, Side.SELL, limit));
        });
  }

  private static List<PriceLevel> levels(
      SymbolMarket market, OrderBook book, Side side, int limit) {
    int n = Math.min(limit, book.depth(side));
    List<PriceLevel> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          new PriceLevel(
              market.price(book.priceTicks(side, i)), BigDecimal.valueOf(book.quantity(side, i))));
    }
    return out;
  }

  @Override
  public CompletableFuture<List<Ticker24h>> tickers24h() {
    return ex.call(
        () -> {
          List<Ticker24h> out = new ArrayList<>();
          for (String s : ex.venue.symbols()) {
            out.add(feed(s).bars.ticker24h(ex.venue.now()));
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<Ticker24h> ticker24h(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(() -> feed(symbol).bars.ticker24h(ex.venue.now()));
  }

  @Override
  public CompletableFuture<BookTicker> bookTicker(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          BookTicker t = feed(symbol).ticker();
          if (t == null) {
            throw noData(symbol);
          }
          return t;
        });
  }

  @Override
  public CompletableFuture<BigDecimal> markPrice(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          BigDecimal mark = feed(symbol).mark();
          if (mark == null) {
            throw noData(symbol);
          }
          return mark;
        });
  }

  private static ExchangeException noData(String symbol) {
    return new ExchangeException(
        SimExchangeProvider.ID, ExchangeException.NO_CODE, "no market data for " + symbol + " yet");
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery query) {
    Objects.requireNonNull(query, "query");
    return ex.call(() -> feed(query.symbol()).bars.klines(query, ex.venue.now()));
  }

  @Override
  public CompletableFuture<Long> serverTime() {
    return CompletableFuture.completedFuture(ex.venue.now());
  }
}
