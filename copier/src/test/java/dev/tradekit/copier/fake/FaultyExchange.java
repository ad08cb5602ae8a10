package dev.tradekit.copier.fake;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.ForwardingExchange;
import dev.tradekit.api.ForwardingStreams;
import dev.tradekit.api.ForwardingTrading;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.Trading;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Wraps an exchange and injects faults: into order placement (by a function of the request), into
 * order queries (transport errors), and into the user stream (dropped and duplicated fills,
 * reconnects). Test-only.
 */
public final class FaultyExchange extends ForwardingExchange {
  private volatile Function<OrderRequest, Fault> placeFaults = r -> Fault.NONE;
  private volatile Function<OrderRef, Boolean> queryFails = r -> false;
  private volatile Function<Fill, StreamFault> streamFaults = f -> StreamFault.NONE;
  private volatile Runnable crash = () -> {};
  private final AtomicInteger injected = new AtomicInteger();

  /** What the stream does with one fill. */
  public enum StreamFault {
    NONE,
    DROP,
    DUPLICATE,
    /** Drop the fill, then report a reconnect (the adapter recovered nothing). */
    DROP_THEN_RECONNECT
  }

  public FaultyExchange(Exchange inner) {
    super(inner);
  }

  public FaultyExchange onPlace(Function<OrderRequest, Fault> faults) {
    this.placeFaults = faults;
    return this;
  }

  public FaultyExchange onQuery(Function<OrderRef, Boolean> fails) {
    this.queryFails = fails;
    return this;
  }

  public FaultyExchange onStream(Function<Fill, StreamFault> faults) {
    this.streamFaults = faults;
    return this;
  }

  /** What a crash fault runs (stops the copier under test). */
  public FaultyExchange crashWith(Runnable crash) {
    this.crash = crash;
    return this;
  }

  /** How many faults were injected. */
  public int injected() {
    return injected.get();
  }

  private CompletableFuture<Order> place(OrderRequest r) {
    Fault f = placeFaults.apply(r);
    if (f != Fault.NONE) {
      injected.incrementAndGet();
    }
    String id = r.clientOrderId();
    return switch (f) {
      case NONE -> delegate.trading().place(r);
      case UNKNOWN_PLACED ->
          delegate
              .trading()
              .place(r)
              .handle(
                  (o, e) -> {
                    throw new UnknownOrderStatusException(
                        venue(), 503, "Unknown error (after placing)", id);
                  });
      case UNKNOWN_NOT_PLACED ->
          CompletableFuture.failedFuture(
              new UnknownOrderStatusException(venue(), -1007, "Timeout waiting for backend", id));
      case TRANSPORT ->
          CompletableFuture.failedFuture(new TransportException(venue(), 0, "connection reset"));
      case RATE_LIMIT ->
          CompletableFuture.failedFuture(
              new RateLimitException(
                  venue(), -1003, "too many requests", Duration.ofSeconds(2), null));
      case REJECT_MARGIN ->
          CompletableFuture.failedFuture(
              new dev.tradekit.api.error.InsufficientMarginException(
                  venue(), -2019, "Margin is insufficient."));
      case CRASH_BEFORE_SEND -> {
        crash.run();
        yield new CompletableFuture<>(); // never completes: the process is gone
      }
      case CRASH_AFTER_SEND -> {
        CompletableFuture<Order> landed = delegate.trading().place(r);
        crash.run();
        yield landed;
      }
    };
  }

  @Override
  public Trading trading() {
    return new ForwardingTrading(delegate.trading()) {
      @Override
      public CompletableFuture<Order> place(OrderRequest request) {
        return FaultyExchange.this.place(request);
      }

      /**
       * Refused, as by a venue that cannot bound an order's arrival: the copier then places with
       * {@link #place}, where the faults are injected.
       */
      @Override
      public CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
        return CompletableFuture.failedFuture(
            new UnsupportedOperationException("FaultyExchange injects faults into place() only"));
      }

      @Override
      public CompletableFuture<Optional<Order>> order(OrderRef ref) {
        if (queryFails.apply(ref)) {
          injected.incrementAndGet();
          return CompletableFuture.failedFuture(
              new TransportException(venue(), 0, "read timed out"));
        }
        return super.order(ref);
      }
    };
  }

  @Override
  public Streams streams() {
    return new ForwardingStreams(delegate.streams()) {
      @Override
      public Subscription userEvents(UserEventListener listener) {
        return super.userEvents(
            new UserEventListener() {
              @Override
              public void onOrderUpdate(Order order) {
                listener.onOrderUpdate(order);
              }

              @Override
              public void onFill(Fill fill) {
                StreamFault f = streamFaults.apply(fill);
                if (f != StreamFault.NONE) {
                  injected.incrementAndGet();
                }
                switch (f) {
                  case NONE -> listener.onFill(fill);
                  case DROP -> {}
                  case DUPLICATE -> {
                    listener.onFill(fill);
                    listener.onFill(fill);
                  }
                  case DROP_THEN_RECONNECT -> {
                    listener.onConnectionState(ConnectionState.DISCONNECTED);
                    listener.onConnectionState(ConnectionState.RECONNECTED);
                  }
                }
              }

              @Override
              public void onAccountUpdate(AccountUpdate update) {
                listener.onAccountUpdate(update);
              }

              @Override
              public void onConnectionState(ConnectionState state) {
                listener.onConnectionState(state);
              }
            });
      }
    };
  }
}
