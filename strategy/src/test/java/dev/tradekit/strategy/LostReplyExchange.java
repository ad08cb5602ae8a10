package dev.tradekit.strategy;

import dev.tradekit.api.Account;
import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.TransportException;
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
 * An exchange whose order replies are lost: every {@code place} reaches the venue (and may fill)
 * but the caller gets a {@link TransportException}, as after a timeout. Counts the calls.
 */
final class LostReplyExchange implements Exchange {
  private final Exchange venue;
  int placeCalls;
  int lookups;

  LostReplyExchange(Exchange venue) {
    this.venue = venue;
  }

  @Override
  public String venue() {
    return venue.venue();
  }

  @Override
  public MarketData marketData() {
    return venue.marketData();
  }

  @Override
  public Account account() {
    return venue.account();
  }

  @Override
  public Streams streams() {
    return venue.streams();
  }

  @Override
  public Capabilities capabilities() {
    return venue.capabilities();
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return venue.amendment();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return venue.deadManSwitch();
  }

  @Override
  public void close() {
    venue.close();
  }

  @Override
  public Trading trading() {
    Trading t = venue.trading();
    return new Trading() {
      @Override
      public CompletableFuture<Order> place(OrderRequest request) {
        placeCalls++;
        return t.place(request)
            .thenCompose(
                o ->
                    CompletableFuture.failedFuture(
                        new TransportException(venue(), 0, "read timed out")));
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> r) {
        return t.placeBatch(r);
      }

      @Override
      public CompletableFuture<Order> cancel(OrderRef ref) {
        return t.cancel(ref);
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
        return t.cancelBatch(refs);
      }

      @Override
      public CompletableFuture<Void> cancelAll(String symbol) {
        return t.cancelAll(symbol);
      }

      @Override
      public CompletableFuture<List<Order>> openOrders(String symbol) {
        return t.openOrders(symbol);
      }

      @Override
      public CompletableFuture<List<Order>> openOrders() {
        return t.openOrders();
      }

      @Override
      public CompletableFuture<Optional<Order>> order(OrderRef ref) {
        lookups++;
        return t.order(ref);
      }

      @Override
      public CompletableFuture<List<Fill>> userTrades(UserTradesQuery query) {
        return t.userTrades(query);
      }

      @Override
      public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
        return t.setLeverage(symbol, leverage);
      }

      @Override
      public CompletableFuture<Void> setPositionMode(PositionMode mode) {
        return t.setPositionMode(mode);
      }
    };
  }
}
