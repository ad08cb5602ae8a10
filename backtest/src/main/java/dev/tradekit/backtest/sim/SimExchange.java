package dev.tradekit.backtest.sim;

import dev.tradekit.api.Account;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarginModes;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One session of one simulated account: the {@link Exchange} a bot holds. Requests travel to the
 * matcher with the venue's order latency and complete there, on the scheduler's thread.
 */
final class SimExchange implements Exchange {
  /** Binance USD-M's limits: 5 orders per batch place, 10 per batch cancel; everything else on. */
  static final Capabilities CAPABILITIES =
      new Capabilities(
          5,
          10,
          true,
          true,
          true,
          true,
          true,
          java.util.EnumSet.of(
              dev.tradekit.api.model.OrderType.STOP_MARKET,
              dev.tradekit.api.model.OrderType.TAKE_PROFIT_MARKET,
              dev.tradekit.api.model.OrderType.TRAILING_STOP_MARKET));

  final SimVenue venue;
  final SimAccount account;
  final OrderEntry entry;
  private final @Nullable AutoCloseable owned;
  private final SimMarketData marketData;
  private final SimTrading trading;
  private final SimAccountView accountView;
  private final SimStreams streams;
  private final SimDeadManSwitch deadManSwitch;
  private final SimMarginModes marginModes;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private volatile boolean closed;

  /**
   * @param owned closed with this exchange (the standalone mode's market driver), or null
   */
  SimExchange(SimVenue venue, SimAccount account, @Nullable AutoCloseable owned) {
    this.venue = venue;
    this.account = account;
    this.entry = new OrderEntry(account);
    this.owned = owned;
    this.marketData = new SimMarketData(this);
    this.trading = new SimTrading(this);
    this.accountView = new SimAccountView(this);
    this.streams = new SimStreams(this);
    this.deadManSwitch = new SimDeadManSwitch(this);
    this.marginModes = new SimMarginModes(this);
  }

  @Override
  public String venue() {
    return SimExchangeProvider.ID;
  }

  @Override
  public MarketData marketData() {
    return marketData;
  }

  @Override
  public Trading trading() {
    return trading;
  }

  @Override
  public Account account() {
    return accountView;
  }

  @Override
  public Streams streams() {
    return streams;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return Optional.of(trading);
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return Optional.of(deadManSwitch);
  }

  @Override
  public Optional<MarginModes> marginModes() {
    return Optional.of(marginModes);
  }

  /**
   * Runs {@code work} on the scheduler after an order-latency sample; the future completes there
   * with its result or its exception.
   */
  <T> CompletableFuture<T> call(Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(closedError());
      return f;
    }
    venue
        .scheduler()
        .schedule(
            () -> {
              if (closed) {
                f.completeExceptionally(closedError());
                return;
              }
              try {
                f.complete(work.get());
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            },
            venue.sampleOrderLatency(),
            TimeUnit.MILLISECONDS);
    return f;
  }

  /** Remembers a subscription so that closing the exchange ends it. */
  Subscription track(Subscription s) {
    synchronized (subscriptions) {
      if (closed) {
        s.close();
      } else {
        subscriptions.add(s);
      }
    }
    return s;
  }

  private TransportException closedError() {
    return new TransportException(
        SimExchangeProvider.ID,
        ExchangeException.NO_CODE,
        "the exchange of sim account " + account.name + " is closed");
  }

  boolean isClosed() {
    return closed;
  }

  /** Ends the subscriptions; later and pending requests fail. The account stays on the venue. */
  @Override
  public void close() {
    List<Subscription> subs;
    synchronized (subscriptions) {
      if (closed) {
        return;
      }
      closed = true;
      subs = new ArrayList<>(subscriptions);
      subscriptions.clear();
    }
    subs.forEach(Subscription::close);
    deadManSwitch.disarmAll();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the standalone sim market failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "SimExchange[" + account.name + (closed ? ", closed]" : "]");
  }
}
