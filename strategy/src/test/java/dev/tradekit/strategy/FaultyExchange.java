package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.ForwardingExchange;
import dev.tradekit.api.ForwardingStreams;
import dev.tradekit.api.ForwardingTrading;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.Trading;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * An exchange whose order placements misbehave as {@code faults} says for each request: the reply
 * lost after the order reached the venue (a {@link TransportException}, as after a timeout), the
 * order rejected without reaching it, no answer ever and no order, or the order held back: answered
 * {@code NEW} but never sent, so the test can play the venue's updates for it ({@link #deliver}).
 * Look-ups may be answered late ({@link #delayLookups}). Counts the calls and records when each
 * placement was made (scheduler time).
 */
final class FaultyExchange extends ForwardingExchange {
  /** What happens to one placement. */
  enum Fault {
    NONE,
    LOST_REPLY,
    REJECTED,
    UNANSWERED,
    HELD
  }

  private final Function<OrderRequest, Fault> faults;
  private final LongSupplier clock;
  int placeCalls;
  int lookups;
  int cancels;
  final List<Long> placedAt = new ArrayList<>();
  final List<Order> held = new ArrayList<>();
  private @Nullable UserEventListener userEvents;
  private @Nullable Scheduler lookupScheduler;
  private long lookupDelayMillis;

  /** Every reply lost. */
  FaultyExchange(Exchange venue) {
    this(venue, r -> Fault.LOST_REPLY, () -> 0L);
  }

  FaultyExchange(Exchange venue, Function<OrderRequest, Fault> faults, LongSupplier clock) {
    super(venue);
    this.faults = faults;
    this.clock = clock;
  }

  /** The venue's streams; the user-event listener is kept for {@link #deliver}. */
  @Override
  public Streams streams() {
    return new ForwardingStreams(delegate.streams()) {
      @Override
      public Subscription userEvents(UserEventListener listener) {
        userEvents = listener;
        return super.userEvents(listener);
      }
    };
  }

  /** From now on, every order look-up is answered {@code millis} late on {@code scheduler}. */
  void delayLookups(Scheduler scheduler, long millis) {
    lookupScheduler = scheduler;
    lookupDelayMillis = millis;
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
  public Trading trading() {
    Trading t = delegate.trading();
    return new ForwardingTrading(t) {
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
      public CompletableFuture<Order> cancel(OrderRef ref) {
        cancels++;
        return super.cancel(ref);
      }

      @Override
      public CompletableFuture<Optional<Order>> order(OrderRef ref) {
        lookups++;
        Scheduler s = lookupScheduler;
        if (s == null) {
          return super.order(ref);
        }
        CompletableFuture<Optional<Order>> late = new CompletableFuture<>();
        s.schedule(
            () ->
                super.order(ref)
                    .whenComplete(
                        (o, e) -> {
                          if (e != null) {
                            late.completeExceptionally(e);
                          } else {
                            late.complete(o);
                          }
                        }),
            lookupDelayMillis,
            TimeUnit.MILLISECONDS);
        return late;
      }
    };
  }
}
