package dev.tradekit.api;

import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Public market data of a venue: instruments with their filters, book snapshots, tickers, klines
 * and the server's clock. All calls are asynchronous; a caller that wants to block joins.
 *
 * <pre>{@code
 * Instrument btc = exchange.marketData().instrument("BTCUSDT").join();
 * OrderBookSnapshot book = exchange.marketData().orderBook("BTCUSDT", 20).join();
 * }</pre>
 *
 * <p>Futures complete exceptionally with an {@link dev.tradekit.api.error.ExchangeException}
 * subtype; an unknown symbol gives {@link dev.tradekit.api.error.UnknownSymbolException}.
 */
public interface MarketData {

  /** Every instrument listed on the venue, trading or not. */
  CompletableFuture<List<Instrument>> instruments();

  /** One instrument by symbol (upper case, e.g. {@code BTCUSDT}). */
  CompletableFuture<Instrument> instrument(String symbol);

  /** A snapshot of the book, at most {@code limit} levels a side (the venue may round it up). */
  CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit);

  /** 24-hour rolling statistics of every symbol. */
  CompletableFuture<List<Ticker24h>> tickers24h();

  /** 24-hour rolling statistics of one symbol. */
  CompletableFuture<Ticker24h> ticker24h(String symbol);

  /** The best bid and ask of one symbol. */
  CompletableFuture<BookTicker> bookTicker(String symbol);

  /** The mark price of a perpetual, used for margin, PnL and price bands. */
  CompletableFuture<BigDecimal> markPrice(String symbol);

  /** Candles of one symbol, oldest first. */
  CompletableFuture<List<Kline>> klines(KlineQuery query);

  /** The venue's clock in epoch milliseconds. */
  CompletableFuture<Long> serverTime();
}
