package dev.tradekit.marketmaker;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.event.TradingListener;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.OrderSync;
import dev.tradekit.execution.PlanExecutor;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.execution.RiskManager;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The quoting loop: on a trigger (book change, fill, timer) it asks the strategy for targets,
 * filters them through the risk manager, diffs them against the tracked orders and sends the plan;
 * one cycle at a time, never more often than the min requote interval. Everything runs on the
 * scheduler; {@link Lifecycle} starts and stops it.
 */
final class Engine implements PlanExecutor.Sink {
  enum Phase {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
  }

  /** Venue errors in a row after which the bot stops. */
  static final int MAX_CONSECUTIVE_ERRORS = 10;

  final String name;
  final Exchange exchange;
  final String symbol;
  final Scheduler scheduler;
  final TradingListener listener;
  final SyncSettings sync;
  final RiskManager risk;
  final OrderBudget budget;
  volatile Strategy strategy;
  volatile QuoteParameters params;
  volatile int leverage;

  Phase phase = Phase.STOPPED;
  @Nullable Session session;
  long bidTicks;
  long askTicks;
  long bookTime;
  boolean bookStale = true;
  boolean userStreamDown;
  @Nullable BigDecimal mark;
  boolean busy;
  boolean requoteWanted;
  boolean needReconcile;
  long lastCycle = Long.MIN_VALUE / 2;
  long pausedUntil;
  @Nullable Cancellable deferred;
  int consecutiveErrors;
  long fills;
  long cycles;
  @Nullable String lastError;
  final Lifecycle lifecycle;
  Runnable afterCycle = () -> {};
  private volatile @Nullable MarketMakerStatus status;
  private volatile long publishedBookTime; // bookTime as of the last publish(), for other threads

  Engine(
      String name,
      Exchange exchange,
      String symbol,
      Scheduler scheduler,
      TradingListener listener,
      SyncSettings sync,
      RiskLimits limits,
      Strategy strategy,
      QuoteParameters params,
      int leverage) {
    this.name = name;
    this.exchange = exchange;
    this.symbol = symbol;
    this.scheduler = scheduler;
    this.listener = listener;
    this.sync = sync;
    this.risk = new RiskManager(limits);
    this.budget = new OrderBudget(sync.maxOrdersPerMinute());
    this.strategy = strategy;
    this.params = params;
    this.leverage = leverage;
    this.lifecycle = new Lifecycle(this);
  }

  long now() {
    return scheduler.currentTimeMillis();
  }

  void emit(TradingEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException ignored) {
      // a listener's failure must not stop the engine (TradingListener contract)
    }
  }

  /**
   * Runs {@code handler} on the scheduler when {@code future} completes, with the unwrapped error
   * (or null). A handler that throws is a fatal error of the bot, never a silent one.
   */
  <T> void onDone(
      CompletableFuture<T> future, BiConsumer<@Nullable T, @Nullable Throwable> handler) {
    CompletableFuture<?> unused =
        future.whenCompleteAsync(
            (v, e) -> {
              try {
                handler.accept(v, PlanExecutor.unwrap(e));
              } catch (RuntimeException ex) {
                busy = false;
                if (phase == Phase.RUNNING) {
                  fail("internal error", ex);
                } else {
                  lastError = "internal error: " + ex;
                }
              }
            },
            scheduler);
  }

  /**
   * Asks for a quoting cycle now, or as soon as the interval, the pause and the last cycle allow.
   */
  void requestQuote() {
    Session s = session;
    if (s == null || phase != Phase.RUNNING) {
      return;
    }
    if (busy) {
      requoteWanted = true;
      return;
    }
    long now = now();
    long due = Math.max(lastCycle + sync.minRequoteInterval().toMillis(), pausedUntil);
    if (now < due) {
      quoteAt(due, now);
      return;
    }
    if (needReconcile || s.tracker.hasUnknown()) {
      reconcile(s, true);
      return;
    }
    cycle(s, now);
  }

  /** Asks for a cycle at {@code due} unless one is already scheduled. */
  private void quoteAt(long due, long now) {
    if (deferred == null) {
      deferred =
          scheduler.schedule(
              () -> {
                deferred = null;
                requestQuote();
              },
              due - now,
              TimeUnit.MILLISECONDS);
    }
  }

  /** One cycle: targets → risk → diff → venue. */
  void cycle(Session s, long now) {
    lastCycle = now;
    if (bookTime == 0 || bidTicks >= askTicks) {
      return;
    }
    cycles++;
    MarketState market =
        new MarketState(
            s.instrument, s.scale.toPrice(bidTicks), s.scale.toPrice(askTicks), mark, bookTime);
    Inventory inventory = s.account.inventory(market.mid());
    String kill = risk.killReason(inventory.equity());
    if (kill != null) {
      lastError = "risk limit: " + kill;
      afterCycle.run();
      lifecycle.stopNow("risk limit: " + kill);
      return;
    }
    boolean quiet = bookStale || userStreamDown || risk.stale(bookTime, now);
    List<TargetOrder> targets = List.of();
    String finished = null;
    if (!quiet) {
      try {
        QuoteContext ctx = new QuoteContext(market, inventory, s.tracker.openOrders(), now, params);
        targets =
            risk.filter(
                    strategy.targets(ctx),
                    market.instrument(),
                    market.bestBid(),
                    market.bestAsk(),
                    market.markPrice(),
                    inventory.position())
                .accepted();
        finished = strategy.stopReason();
      } catch (RuntimeException e) {
        fail("strategy failed", e);
        return;
      }
    }
    OrderSync.Plan plan =
        OrderSync.diff(
            s.tracker.live(), targets, s.rules(sync, exchange.amendment().isPresent()), now);
    int sends = plan.amends().size() + plan.places().size();
    if (sends > budget.available(now)) {
      plan = new OrderSync.Plan(plan.cancels(), List.of(), List.of());
      quoteAt(Math.max(now + 1, budget.nextFree(now)), now);
    } else {
      budget.spend(now, sends);
    }
    if (plan.isEmpty()) {
      publish();
      if (finished != null) {
        reachTarget(finished);
      }
      return;
    }
    busy = true;
    String done = finished;
    onDone(s.executor.execute(plan, sync.postOnly()), (v, e) -> cycleDone(s, done, e));
  }

  private void cycleDone(Session s, @Nullable String finished, @Nullable Throwable e) {
    busy = false;
    if (e != null) {
      failed("order sync", PlanExecutor.unwrap(e));
    }
    publish();
    afterCycle.run();
    if (session != s || phase != Phase.RUNNING) {
      return;
    }
    if (finished != null) {
      reachTarget(finished);
    } else if (requoteWanted) {
      requoteWanted = false;
      requestQuote();
    }
  }

  private void reachTarget(String reason) {
    emit(new TradingEvent.TargetReached(name, now(), reason));
    lifecycle.stopNow(reason);
  }

  /** Lists the venue's open orders, adopts unknown ones of the bot and drops lost ones. */
  void reconcile(Session s, boolean thenQuote) {
    busy = true;
    onDone(
        exchange.trading().openOrders(symbol),
        (orders, e) -> {
          busy = false;
          if (session != s) {
            return;
          }
          if (e != null || orders == null) {
            failed("open orders", PlanExecutor.unwrap(e));
            afterCycle.run();
            return;
          }
          adopt(s, orders);
          needReconcile = false;
          afterCycle.run();
          if (thenQuote) {
            requestQuote();
          }
        });
  }

  void adopt(Session s, List<Order> venueOpen) {
    OrderSync.Reconciliation r =
        OrderSync.reconcile(s.tracker.ids(), venueOpen, s.tracker.prefix());
    for (Order o : r.adopted()) {
      s.tracker.apply(o, now());
    }
    for (String id : r.lost()) {
      s.tracker.remove(id);
    }
  }

  /** A fatal error: record it, tell the listener, stop and cancel everything. */
  void fail(String message, Throwable cause) {
    lastError = message + ": " + cause;
    emit(new TradingEvent.BotError(name, now(), message, cause));
    lifecycle.stopNow("fatal error: " + message);
  }

  @Override
  public void placed(Order order) {
    consecutiveErrors = 0;
    emit(new TradingEvent.OrderPlaced(name, now(), order));
  }

  @Override
  public void cancelled(Order order) {
    consecutiveErrors = 0;
    emit(new TradingEvent.OrderCancelled(name, now(), order));
  }

  @Override
  public void amended(Order order) {
    consecutiveErrors = 0;
    emit(new TradingEvent.OrderUpdated(name, now(), order));
  }

  @Override
  public void failed(String action, @Nullable Throwable error) {
    long now = now();
    if (!(error instanceof ExchangeException ex)) {
      Throwable cause = error != null ? error : new IllegalStateException(action + " failed");
      if (phase == Phase.RUNNING) {
        fail(action + " failed", cause);
      }
      return;
    }
    emit(new TradingEvent.ExchangeError(name, now, ex));
    if (ex instanceof RateLimitException rl) {
      long until = now + Math.max(1_000, rl.retryAfter().toMillis());
      if (rl.bannedUntil() != null) {
        until = Math.max(until, rl.bannedUntil().toEpochMilli());
      }
      pausedUntil = Math.max(pausedUntil, until);
    }
    if (ex instanceof UnknownOrderStatusException || ex instanceof TransportException) {
      needReconcile = true;
    }
    if (phase != Phase.RUNNING) {
      return;
    }
    if (ex instanceof AuthenticationException) {
      fail(action + " was refused: the credentials do not work", ex);
    } else if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
      fail(consecutiveErrors + " venue errors in a row, the last on " + action, ex);
    }
  }

  /** Builds the status snapshot hosts read. */
  void publish() {
    publishedBookTime = bookTime;
    Session s = session;
    BigDecimal mid = null;
    if (s != null && bookTime != 0 && bidTicks < askTicks) {
      mid = s.scale.toPrice(bidTicks).add(s.scale.toPrice(askTicks)).divide(BigDecimal.valueOf(2));
    }
    AccountState a = s != null ? s.account : new AccountState(symbol, "USDT");
    status =
        new MarketMakerStatus(
            name,
            symbol,
            now(),
            phase.name(),
            mid,
            a.position,
            a.entryPrice,
            a.wallet,
            mid == null ? BigDecimal.ZERO : a.unrealised(mid),
            a.realisedPnl,
            a.fees,
            a.leverage != 0 ? a.leverage : leverage,
            s != null ? s.tracker.openOrders() : List.of(),
            s != null ? s.executor.placed() : 0,
            s != null ? s.executor.cancelled() : 0,
            s != null ? s.executor.amended() : 0,
            fills,
            lastError);
  }

  long bookAgeMillis() {
    long t = publishedBookTime;
    return t == 0 ? -1 : Math.max(0, now() - t);
  }

  MarketMakerStatus status() {
    MarketMakerStatus s = status;
    if (s == null) {
      publish();
      s = status;
    }
    return Objects.requireNonNull(s);
  }
}
