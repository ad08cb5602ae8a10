package dev.tradekit.copier.fake;

import dev.tradekit.api.Account;
import dev.tradekit.api.BatchResult;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.Trading;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Wraps an exchange and injects faults: into order placement (by a function of the request), into
 * order queries (transport errors), and into the user stream (dropped and duplicated fills,
 * reconnects). Test-only.
 */
public final class FaultyExchange implements Exchange {
  private final Exchange inner;
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
    this.inner = inner;
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
      case NONE -> inner.trading().place(r);
      case UNKNOWN_PLACED ->
          inner
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
        CompletableFuture<Order> landed = inner.trading().place(r);
        crash.run();
        yield landed;
      }
    };
  }

  @Override
  public String venue() {
    return inner.venue();
  }

  @Override
  public MarketData marketData() {
    return inner.marketData();
  }

  @Override
  public Trading trading() {
    Trading t = inner.trading();
    return new Trading() {
      @Override
      public CompletableFuture<Order> place(OrderRequest request) {
        return FaultyExchange.this.place(request);
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
        return t.placeBatch(requests);
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
        if (queryFails.apply(ref)) {
          injected.incrementAndGet();
          return CompletableFuture.failedFuture(
              new TransportException(venue(), 0, "read timed out"));
        }
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

  @Override
  public Account account() {
    return inner.account();
  }

  @Override
  public Streams streams() {
    Streams s = inner.streams();
    return new Streams() {
      @Override
      public Subscription orderBook(String symbol, OrderBookListener listener) {
        return s.orderBook(symbol, listener);
      }

      @Override
      public Subscription trades(String symbol, TradeListener listener) {
        return s.trades(symbol, listener);
      }

      @Override
      public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
        return s.klines(symbol, interval, listener);
      }

      @Override
      public Subscription bookTicker(String symbol, BookTickerListener listener) {
        return s.bookTicker(symbol, listener);
      }

      @Override
      public Subscription userEvents(UserEventListener listener) {
        return s.userEvents(
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

  @Override
  public Capabilities capabilities() {
    return inner.capabilities();
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return inner.amendment();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return inner.deadManSwitch();
  }

  @Override
  public void close() {
    inner.close();
  }
}
