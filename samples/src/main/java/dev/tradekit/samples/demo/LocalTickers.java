package dev.tradekit.samples.demo;

import dev.tradekit.api.Account;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter with one call answered in process: the local Binance server has no {@code GET
 * /fapi/v1/ticker/24hr}, which the scanner needs to rank symbols, so the 24-hour tickers come from
 * the simulator behind it. Books, streams and everything else go over the wire.
 */
final class LocalTickers implements Exchange, MarketData {
  private final Exchange adapter;
  private final MarketData simulator;

  LocalTickers(Exchange adapter, MarketData simulator) {
    this.adapter = adapter;
    this.simulator = simulator;
  }

  @Override
  public String venue() {
    return adapter.venue();
  }

  @Override
  public MarketData marketData() {
    return this;
  }

  @Override
  public Trading trading() {
    return adapter.trading();
  }

  @Override
  public Account account() {
    return adapter.account();
  }

  @Override
  public Streams streams() {
    return adapter.streams();
  }

  @Override
  public Capabilities capabilities() {
    return adapter.capabilities();
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return adapter.amendment();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return adapter.deadManSwitch();
  }

  @Override
  public void close() {
    adapter.close();
  }

  @Override
  public CompletableFuture<List<Instrument>> instruments() {
    return adapter.marketData().instruments();
  }

  @Override
  public CompletableFuture<Instrument> instrument(String symbol) {
    return adapter.marketData().instrument(symbol);
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit) {
    return adapter.marketData().orderBook(symbol, limit);
  }

  @Override
  public CompletableFuture<List<Ticker24h>> tickers24h() {
    return simulator.tickers24h();
  }

  @Override
  public CompletableFuture<Ticker24h> ticker24h(String symbol) {
    return simulator.ticker24h(symbol);
  }

  @Override
  public CompletableFuture<BookTicker> bookTicker(String symbol) {
    return adapter.marketData().bookTicker(symbol);
  }

  @Override
  public CompletableFuture<BigDecimal> markPrice(String symbol) {
    return adapter.marketData().markPrice(symbol);
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery query) {
    return adapter.marketData().klines(query);
  }

  @Override
  public CompletableFuture<Long> serverTime() {
    return adapter.marketData().serverTime();
  }
}
