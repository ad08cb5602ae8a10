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
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * An exchange whose order placements misbehave as {@code faults} says for each request: the reply
 * lost after the order reached the venue (a {@link TransportException}, as after a timeout), the
 * order rejected without reaching it, no answer ever and no order, or the order held back: answered
 * {@code NEW} but never sent, so the test can play the venue's updates for it ({@link #deliver}).
 * Counts the calls and records when each placement was made (scheduler time).
 */
final class FaultyExchange implements Exchange {
  /** What happens to one placement. */
  enum Fault {
    NONE,
    LOST_REPLY,
    REJECTED,
    UNANSWERED,
    HELD
  }

  private final Exchange venue;
  private final Function<OrderRequest, Fault> faults;
  private final LongSupplier clock;
  int placeCalls;
  int lookups;
  int cancels;
  final List<Long> placedAt = new ArrayList<>();
  final List<Order> held = new ArrayList<>();
  private @Nullable UserEventListener userEvents;

  /** Every reply lost. */
  FaultyExchange(Exchange venue) {
    this(venue, r -> Fault.LOST_REPLY, () -> 0L);
  }

  FaultyExchange(Exchange venue, Function<OrderRequest, Fault> faults, LongSupplier clock) {
    this.venue = venue;
    this.faults = faults;
    this.clock = clock;
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

  /** The venue's streams; the user-event listener is kept for {@link #deliver}. */
  @Override
  public Streams streams() {
    Streams streams = venue.streams();
    return (Streams)
        Proxy.newProxyInstance(
            Streams.class.getClassLoader(),
            new Class<?>[] {Streams.class},
            (proxy, method, args) -> {
              if (method.getName().equals("userEvents")) {
                userEvents = (UserEventListener) args[0];
              }
              try {
                return method.invoke(streams, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Plays an order update of the venue to the user-event listener. */
  void deliver(Order update) {
    UserEventListener l = userEvents;
    if (l == null) {
      throw new IllegalStateException("no user-event listener");
    }
    l.onOrderUpdate(update);
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
        placedAt.add(clock.getAsLong());
        return switch (faults.apply(request)) {
          case NONE -> t.place(request);
          case LOST_REPLY ->
              t.place(request)
                  .thenCompose(
                      o ->
                          CompletableFuture.failedFuture(
                              new TransportException(venue(), 0, "read timed out")));
          case REJECTED ->
              CompletableFuture.failedFuture(
                  new OrderRejectedException(venue(), -2010, "Order would be rejected (test)."));
          case UNANSWERED -> new CompletableFuture<>();
          case HELD -> {
            Order o =
                Order.builder()
                    .symbol(request.symbol())
                    .orderId("held-" + held.size())
                    .clientOrderId(request.clientOrderId())
                    .side(request.side())
                    .type(request.type())
                    .quantity(request.quantity())
                    .reduceOnly(request.reduceOnly())
                    .status(OrderStatus.NEW)
                    .build();
            held.add(o);
            yield CompletableFuture.completedFuture(o);
          }
        };
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> r) {
        return t.placeBatch(r);
      }

      @Override
      public CompletableFuture<Order> cancel(OrderRef ref) {
        cancels++;
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
