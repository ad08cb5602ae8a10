package dev.tradekit.api;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Orders and trading settings of one account. Every operation is asynchronous, so a copier can send
 * to many accounts at once and the simulator can model latency.
 *
 * <pre>{@code
 * OrderRequest req = OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.010"), new BigDecimal("60000.0"))
 *     .withClientOrderId("mm-1");
 * exchange.trading().place(req).whenComplete((order, error) -> ...);
 * }</pre>
 *
 * <p>A placement whose outcome the venue could not tell completes with {@link
 * dev.tradekit.api.error.UnknownOrderStatusException}: query {@link #order(OrderRef)} by client
 * order id before sending again. Batch calls return one {@link BatchResult} per request, in order.
 */
public interface Trading {

  /** Places one order. */
  CompletableFuture<Order> place(OrderRequest request);

  /**
   * Places several orders in as few venue calls as {@link Capabilities#maxBatchPlace()} allows;
   * each request succeeds or fails on its own.
   */
  CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests);

  /** Cancels one order; completes with the cancelled order. */
  CompletableFuture<Order> cancel(OrderRef ref);

  /** Cancels several orders of one symbol; each succeeds or fails on its own. */
  CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs);

  /** Cancels every open order of a symbol. */
  CompletableFuture<Void> cancelAll(String symbol);

  /** Open orders of one symbol. */
  CompletableFuture<List<Order>> openOrders(String symbol);

  /** Open orders of every symbol (expensive on some venues). */
  CompletableFuture<List<Order>> openOrders();

  /** One order by venue id or client order id; empty when the venue does not know it. */
  CompletableFuture<Optional<Order>> order(OrderRef ref);

  /** The account's fills, oldest first. */
  CompletableFuture<List<Fill>> userTrades(UserTradesQuery query);

  /** Sets the leverage of a symbol (1 to the venue's maximum). */
  CompletableFuture<Void> setLeverage(String symbol, int leverage);

  /** Switches between one-way and hedge mode; the venue refuses while positions are open. */
  CompletableFuture<Void> setPositionMode(PositionMode mode);
}
