package dev.tradekit.copier.fake;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The fake venue's market data: its instruments, prices and clock. */
final class FakeMarketData implements MarketData {
  private final FakeExchange ex;

  FakeMarketData(FakeExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<List<Instrument>> instruments() {
    return CompletableFuture.completedFuture(List.copyOf(ex.instruments.values()));
  }

  @Override
  public CompletableFuture<Instrument> instrument(String symbol) {
    Instrument i = ex.instruments.get(symbol);
    return i == null
        ? CompletableFuture.failedFuture(
            new dev.tradekit.api.error.UnknownSymbolException(ex.name, -1121, symbol))
        : CompletableFuture.completedFuture(i);
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit) {
    return FakeExchange.unsupported("orderBook");
  }

  @Override
  public CompletableFuture<List<Ticker24h>> tickers24h() {
    return FakeExchange.unsupported("tickers24h");
  }

  @Override
  public CompletableFuture<Ticker24h> ticker24h(String symbol) {
    return FakeExchange.unsupported("ticker24h");
  }

  @Override
  public CompletableFuture<BookTicker> bookTicker(String symbol) {
    return FakeExchange.unsupported("bookTicker");
  }

  @Override
  public CompletableFuture<BigDecimal> markPrice(String symbol) {
    synchronized (ex) {
      return CompletableFuture.completedFuture(ex.prices.get(symbol));
    }
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery query) {
    return FakeExchange.unsupported("klines");
  }

  @Override
  public CompletableFuture<Long> serverTime() {
    return CompletableFuture.completedFuture(ex.clock.getAsLong());
  }
}
