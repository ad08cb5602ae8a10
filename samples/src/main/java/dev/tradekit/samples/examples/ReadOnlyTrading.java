package dev.tradekit.samples.examples;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Queries pass through to the wrapped venue; changes fail with an OrderRejectedException. */
final class ReadOnlyTrading implements Trading {
  /** The error code of a refused change (not a venue's code). */
  static final int REFUSED = -1;

  private final Trading inner;
  private final String wrapped;

  ReadOnlyTrading(Trading inner, String wrapped) {
    this.inner = inner;
    this.wrapped = wrapped;
  }

  private <T> CompletableFuture<T> refuse(String what) {
    return CompletableFuture.failedFuture(
        new OrderRejectedException(
            ReadOnlyExchangeProvider.ID,
            REFUSED,
            what + " refused: this " + wrapped + " exchange is read-only"));
  }

  @Override
  public CompletableFuture<Order> place(OrderRequest request) {
    return refuse("placing an order");
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    return refuse("placing orders");
  }

  @Override
  public CompletableFuture<Order> cancel(OrderRef ref) {
    return refuse("cancelling an order");
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
    return refuse("cancelling orders");
  }

  @Override
  public CompletableFuture<Void> cancelAll(String symbol) {
    return refuse("cancelling orders");
  }

  @Override
  public CompletableFuture<List<Order>> openOrders(String symbol) {
    return inner.openOrders(symbol);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    return inner.openOrders();
  }

  @Override
  public CompletableFuture<Optional<Order>> order(OrderRef ref) {
    return inner.order(ref);
  }

  @Override
  public CompletableFuture<List<Fill>> userTrades(UserTradesQuery query) {
    return inner.userTrades(query);
  }

  @Override
  public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
    return refuse("setting the leverage");
  }

  @Override
  public CompletableFuture<Void> setPositionMode(PositionMode mode) {
    return refuse("setting the position mode");
  }
}
