package dev.tradekit.binance;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link MarketData} over the public REST endpoints and the instrument cache. */
final class BinanceMarketData implements MarketData {
  private final BinanceRest rest;
  private final InstrumentCache instruments;

  BinanceMarketData(BinanceRest rest, InstrumentCache instruments) {
    this.rest = rest;
    this.instruments = instruments;
  }

  @Override
  public CompletableFuture<List<Instrument>> instruments() {
    return instruments.all();
  }

  @Override
  public CompletableFuture<Instrument> instrument(String symbol) {
    return instruments.get(Objects.requireNonNull(symbol, "symbol"));
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit) {
    Objects.requireNonNull(symbol, "symbol");
    int venueLimit = venueDepthLimit(limit);
    return rest.depth(symbol, venueLimit).thenApply(d -> MarketMapper.depth(symbol, d));
  }

  /** The smallest depth limit Binance accepts (5, 10, 20, 50, 100, 500, 1000) that covers it. */
  static int venueDepthLimit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    for (int allowed : new int[] {5, 10, 20, 50, 100, 500}) {
      if (limit <= allowed) {
        return allowed;
      }
    }
    return 1000;
  }

  @Override
  public CompletableFuture<List<Ticker24h>> tickers24h() {
    return rest.tickers24h().thenApply(MarketMapper::tickers);
  }

  @Override
  public CompletableFuture<Ticker24h> ticker24h(String symbol) {
    return rest.ticker24h(Objects.requireNonNull(symbol, "symbol")).thenApply(MarketMapper::ticker);
  }

  @Override
  public CompletableFuture<BookTicker> bookTicker(String symbol) {
    return rest.bookTicker(Objects.requireNonNull(symbol, "symbol"))
        .thenApply(MarketMapper::bookTicker);
  }

  @Override
  public CompletableFuture<BigDecimal> markPrice(String symbol) {
    return rest.markPrice(Objects.requireNonNull(symbol, "symbol"))
        .thenApply(m -> WireNumbers.dec(m.markPrice, "markPrice"));
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery query) {
    Objects.requireNonNull(query, "query");
    return rest.klines(query)
        .thenApply(k -> MarketMapper.klines(query.symbol(), query.interval(), k));
  }

  @Override
  public CompletableFuture<Long> serverTime() {
    return rest.time().thenApply(t -> t.serverTime);
  }
}
