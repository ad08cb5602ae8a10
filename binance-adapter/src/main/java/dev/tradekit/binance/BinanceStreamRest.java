package dev.tradekit.binance;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The REST calls the WebSocket side uses, mapped to model values. */
final class BinanceStreamRest implements StreamRestCalls {
  /** The largest page of {@code allOrders} and {@code userTrades}. */
  static final int PAGE = 1000;

  private final BinanceRest rest;

  BinanceStreamRest(BinanceRest rest) {
    this.rest = rest;
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> depth(String symbol, int limit) {
    Objects.requireNonNull(symbol, "symbol");
    return rest.depth(symbol, limit).thenApply(d -> MarketMapper.depth(symbol, d));
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery q) {
    return rest.klines(q).thenApply(k -> MarketMapper.klines(q.symbol(), q.interval(), k));
  }

  @Override
  public CompletableFuture<String> createListenKey() {
    return rest.createListenKey().thenApply(k -> k.listenKey);
  }

  @Override
  public CompletableFuture<Void> keepAliveListenKey() {
    return rest.keepAliveListenKey();
  }

  @Override
  public CompletableFuture<Void> closeListenKey() {
    return rest.closeListenKey();
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    return rest.openOrders(null).thenApply(OrderMapper::orders);
  }

  @Override
  public CompletableFuture<List<Order>> openAlgoOrders() {
    return rest.openAlgoOrders(null).thenApply(AlgoOrders::orders);
  }

  @Override
  public CompletableFuture<Order> algoOrder(String symbol, String orderId) {
    String algoId = AlgoOrders.algoId(orderId);
    if (algoId == null) {
      throw new IllegalArgumentException("not an algo order id: " + orderId);
    }
    return rest.queryAlgoOrder(symbol, algoId, null).thenApply(AlgoOrders::order);
  }

  /** The first page from {@code startTime}, then by algo id until a page is short. */
  @Override
  public CompletableFuture<List<Order>> algoOrdersSince(String symbol, long startTime) {
    Objects.requireNonNull(symbol, "symbol");
    return Futures.<AlgoOrderDto>pages(
            last ->
                last == null
                    ? rest.allAlgoOrders(symbol, null, startTime, PAGE)
                    : rest.allAlgoOrders(symbol, last.algoId + 1, null, PAGE),
            PAGE)
        .thenApply(AlgoOrders::orders);
  }

  /** The first page from {@code startTime}, then by order id until a page is short. */
  @Override
  public CompletableFuture<List<Order>> ordersSince(String symbol, long startTime) {
    Objects.requireNonNull(symbol, "symbol");
    return Futures.<OrderDto>pages(
            last ->
                last == null
                    ? rest.allOrders(symbol, null, startTime, PAGE)
                    : rest.allOrders(symbol, last.orderId + 1, null, PAGE),
            PAGE)
        .thenApply(OrderMapper::orders);
  }

  /**
   * The first page from {@code startTime}, then by trade id ({@code fromId}) until a page is short.
   */
  @Override
  public CompletableFuture<List<Fill>> userTradesSince(String symbol, long startTime) {
    Objects.requireNonNull(symbol, "symbol");
    return Futures.<UserTradeDto>pages(
            last ->
                last == null
                    ? rest.userTrades(symbol, null, startTime, null, PAGE)
                    : rest.userTrades(symbol, last.id + 1, null, null, PAGE),
            PAGE)
        .thenApply(OrderMapper::fills);
  }
}
