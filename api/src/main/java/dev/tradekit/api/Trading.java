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
   * Places one order only if the venue receives it no later than {@code deadline}, so that a caller
   * whose right to send ends at a known time (a copier's lease) cannot place it after that time,
   * however long the process stalls between this call and the socket write.
   *
   * <pre>{@code
   * trading.placeBefore(request, Instant.ofEpochMilli(leaseExpiry - margin));
   * }</pre>
   *
   * <p>{@code deadline} is on this exchange's clock (its {@link
   * dev.tradekit.api.runtime.Scheduler}, the system clock in production); the adapter translates it
   * to the venue's clock with its measured server-time offset. The adapter stamps the request's
   * timestamp as late as it can before the write and sets the venue's receive window to what is
   * left until the deadline (Binance {@code recvWindow}, Bybit {@code X-BAPI-RECV-WINDOW}; clamped
   * to the venue's maximum of 60 s), so the venue itself refuses a request that arrives late. The
   * future fails with {@link dev.tradekit.api.error.SendDeadlineExceededException} when the order
   * was not placed for that reason: refused locally because no time was left (nothing sent), or
   * refused by the venue's time check. Other outcomes are those of {@link #place}.
   *
   * <p>The default refuses with {@link UnsupportedOperationException}: a venue that cannot bound
   * when it accepts an order must not pretend to.
   *
   * @throws NullPointerException when an argument is null
   */
  default CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(
            getClass().getName()
                + " cannot make the venue refuse a late order; use place(request)"));
  }

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
