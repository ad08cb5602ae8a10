package dev.tradekit.api;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Trading} that forwards every call to another one, {@link #placeBefore} included;
 * subclass it and override only the calls a decorator changes.
 *
 * <pre>{@code
 * Trading counting = new ForwardingTrading(ex.trading()) {
 *   @Override public CompletableFuture<Order> place(OrderRequest r) {
 *     placed.incrementAndGet();
 *     return super.place(r);
 *   }
 * };
 * }</pre>
 *
 * <p>A decorator that refuses or changes placement must override {@link #placeBefore} as well as
 * {@link #place}: both send an order.
 */
public class ForwardingTrading implements Trading {
  /** The trading facet every call goes to unless overridden. */
  protected final Trading delegate;

  /** Forwards to {@code delegate}. */
  public ForwardingTrading(Trading delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public CompletableFuture<Order> place(OrderRequest request) {
    return delegate.place(request);
  }

  @Override
  public CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
    return delegate.placeBefore(request, deadline);
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    return delegate.placeBatch(requests);
  }

  @Override
  public CompletableFuture<Order> cancel(OrderRef ref) {
    return delegate.cancel(ref);
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
    return delegate.cancelBatch(refs);
  }

  @Override
  public CompletableFuture<Void> cancelAll(String symbol) {
    return delegate.cancelAll(symbol);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders(String symbol) {
    return delegate.openOrders(symbol);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    return delegate.openOrders();
  }

  @Override
  public CompletableFuture<Optional<Order>> order(OrderRef ref) {
    return delegate.order(ref);
  }

  @Override
  public CompletableFuture<List<Fill>> userTrades(UserTradesQuery query) {
    return delegate.userTrades(query);
  }

  @Override
  public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
    return delegate.setLeverage(symbol, leverage);
  }

  @Override
  public CompletableFuture<Void> setPositionMode(PositionMode mode) {
    return delegate.setPositionMode(mode);
  }
}
