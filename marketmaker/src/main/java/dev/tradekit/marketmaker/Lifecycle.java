package dev.tradekit.marketmaker;

import dev.tradekit.api.Subscription;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.execution.DeadManSwitchKeeper;
import dev.tradekit.execution.OrderTracker;
import dev.tradekit.execution.PlanExecutor;
import dev.tradekit.marketmaker.Engine.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Starts and stops an {@link Engine}: validates the instrument, sets the leverage, adopts the bot's
 * resting orders, subscribes the streams (or starts the polling loop), arms and re-arms the
 * dead-man switch; on stop cancels every order of the bot and confirms with the venue that none is
 * left. Scheduler thread only, except the public entry points which hand over to it.
 */
final class Lifecycle {
  /** Cancel-and-confirm rounds before a stop gives up (the dead-man switch stays armed). */
  static final int STOP_ATTEMPTS = 3;

  private final Engine e;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<Cancellable> timers = new ArrayList<>();
  private final List<CompletableFuture<Void>> stopWaiters = new ArrayList<>();
  private String stopReason = "";
  private boolean cancelling;
  private @Nullable Feeds feeds;
  private @Nullable Subscription trades;

  Lifecycle(Engine e) {
    this.e = e;
    e.afterCycle = this::idle;
  }

  CompletableFuture<Void> start() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    e.scheduler.execute(() -> begin(result));
    return result;
  }

  private void begin(CompletableFuture<Void> result) {
    if (e.phase != Phase.STOPPED) {
      result.completeExceptionally(
          new IllegalStateException(e.name + " is " + e.phase + ", not STOPPED: cannot start"));
      return;
    }
    e.phase = Phase.STARTING;
    e.lastError = null;
    e.fills = 0;
    e.consecutiveErrors = 0;
    e.bookTime = 0;
    e.bookStale = true;
    e.userStreamDown = false;
    e.needReconcile = false;
    e.pausedUntil = 0;
    e.risk.clearEquity();
    long now = e.now();
    e.onDone(
        e.exchange
            .marketData()
            .instrument(e.symbol)
            .thenComposeAsync(instrument -> open(instrument, now), e.scheduler),
        (v, err) -> {
          if (err == null) {
            result.complete(null);
          } else {
            abortStart(err);
            result.completeExceptionally(PlanExecutor.unwrap(err));
          }
        });
  }

  private CompletableFuture<Void> open(Instrument instrument, long now) {
    if (!instrument.trading()) {
      throw new IllegalStateException(e.symbol + " is not trading on " + e.exchange.venue());
    }
    e.strategy.validate(instrument);
    OrderTracker tracker = new OrderTracker(e.name, now);
    Session s =
        new Session(
            instrument, tracker, new PlanExecutor(e.exchange, e.symbol, e.scheduler, tracker, e));
    e.session = s;
    int lev = e.leverage;
    CompletableFuture<Void> leverage =
        lev > 0
            ? e.exchange.trading().setLeverage(e.symbol, lev)
            : CompletableFuture.completedFuture(null);
    return leverage
        .thenComposeAsync(v -> e.exchange.account().snapshot(), e.scheduler)
        .thenComposeAsync(
            snapshot -> {
              s.account.apply(snapshot);
              if (lev > 0) {
                s.account.leverage = lev;
              }
              return e.exchange.trading().openOrders(e.symbol);
            },
            e.scheduler)
        .thenComposeAsync(
            open -> {
              e.adopt(s, open);
              return e.exchange.marketData().orderBook(e.symbol, 5);
            },
            e.scheduler)
        .thenComposeAsync(
            book -> {
              seedBook(s, book);
              return armDeadMan(s);
            },
            e.scheduler)
        .thenRunAsync(() -> running(s), e.scheduler);
  }

  /** Takes the top of a REST book snapshot, so that quoting need not wait for a book change. */
  private void seedBook(Session s, @Nullable OrderBookSnapshot book) {
    if (book != null && book.bestBid().isPresent() && book.bestAsk().isPresent()) {
      e.bidTicks = s.scale.toTicks(book.bestBid().get().price());
      e.askTicks = s.scale.toTicks(book.bestAsk().get().price());
      e.bookTime = book.time() > 0 ? book.time() : e.now();
      e.bookStale = false;
    }
  }

  private CompletableFuture<Void> armDeadMan(Session s) {
    DeadManSwitchKeeper keeper =
        DeadManSwitchKeeper.of(
                e.exchange,
                e.symbol,
                e.sync.deadManSwitch(),
                e.scheduler,
                err -> {
                  if (e.session == s) {
                    e.failed("re-arm dead-man switch", err);
                  }
                })
            .orElse(null);
    if (keeper == null) {
      return CompletableFuture.completedFuture(null);
    }
    s.deadMan = keeper;
    return keeper.arm();
  }

  private void running(Session s) {
    Feeds feeds = new Feeds(e, s);
    Duration poll = e.sync.pollInterval();
    if (poll == null) {
      subscriptions.add(e.exchange.streams().userEvents(feeds.userEvents()));
      subscriptions.add(e.exchange.streams().orderBook(e.symbol, feeds.book()));
      this.feeds = feeds;
      subscribeTradesIfWanted();
      long refresh = e.sync.refreshInterval().toMillis();
      timers.add(
          e.scheduler.scheduleAtFixedRate(
              () -> refresh(s), refresh, refresh, TimeUnit.MILLISECONDS));
    } else {
      timers.add(
          e.scheduler.scheduleAtFixedRate(
              () -> poll(s), 0, poll.toMillis(), TimeUnit.MILLISECONDS));
    }
    e.phase = Phase.RUNNING;
    fetchMark(s);
    e.emit(new TradingEvent.BotStarted(e.name, e.now()));
    e.publish();
    e.requestQuote();
  }

  private void abortStart(Throwable err) {
    Throwable cause = PlanExecutor.unwrap(err);
    e.lastError = "start failed: " + cause;
    closeFeeds();
    e.phase = Phase.STOPPED;
    e.emit(new TradingEvent.BotError(e.name, e.now(), "start failed", cause != null ? cause : err));
    e.publish();
  }

  /** The fallback timer of the streaming mode: refresh account and mark, reconcile, requote. */
  private void refresh(Session s) {
    if (e.session != s || e.phase != Phase.RUNNING) {
      return;
    }
    e.onDone(
        e.exchange.account().snapshot(),
        (snapshot, err) -> {
          if (err != null || snapshot == null) {
            e.failed("account snapshot", PlanExecutor.unwrap(err));
          } else if (e.session == s) {
            s.account.apply(snapshot);
          }
        });
    fetchMark(s);
    e.needReconcile = true;
    e.requestQuote();
  }

  private void fetchMark(Session s) {
    e.onDone(
        e.exchange.marketData().markPrice(e.symbol),
        (price, err) -> {
          if (err == null && price != null && e.session == s) {
            e.mark = price;
          }
        });
  }

  /** The simple mode: fetch book, account and open orders, then one cycle. */
  private void poll(Session s) {
    if (e.session != s || e.phase != Phase.RUNNING || e.busy) {
      return;
    }
    e.busy = true;
    CompletableFuture<OrderBookSnapshot> book = e.exchange.marketData().orderBook(e.symbol, 5);
    var account = e.exchange.account().snapshot();
    CompletableFuture<List<Order>> open = e.exchange.trading().openOrders(e.symbol);
    fetchMark(s);
    e.onDone(
        CompletableFuture.allOf(book, account, open),
        (v, err) -> {
          e.busy = false;
          if (e.session != s || e.phase != Phase.RUNNING) {
            idle();
            return;
          }
          if (err != null) {
            e.failed("poll", PlanExecutor.unwrap(err));
            return;
          }
          seedBook(s, book.getNow(null));
          s.account.apply(account.getNow(null));
          e.adopt(s, open.getNow(List.of()));
          e.needReconcile = false;
          e.cycle(s, e.now());
        });
  }

  CompletableFuture<Void> stop(String reason) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    e.scheduler.execute(() -> stopNow(reason, result));
    return result;
  }

  /** Begins a stop on the scheduler thread. */
  void stopNow(String reason) {
    stopNow(reason, new CompletableFuture<>());
  }

  /** Begins a stop on the scheduler thread; {@code result} completes once it is confirmed. */
  void stopNow(String reason, CompletableFuture<Void> result) {
    switch (e.phase) {
      case STOPPED -> result.complete(null);
      case STARTING ->
          result.completeExceptionally(
              new IllegalStateException(e.name + " is starting; stop it once start completes"));
      case STOPPING -> stopWaiters.add(result);
      case RUNNING -> {
        e.phase = Phase.STOPPING;
        stopReason = reason;
        stopWaiters.add(result);
        closeFeeds();
        idle();
      }
    }
  }

  /** Continues a stop once no cycle is in flight. */
  private void idle() {
    if (e.phase == Phase.STOPPING && !e.busy && !cancelling) {
      cancelling = true;
      Session s = e.session;
      if (s == null) {
        stopped(null);
      } else {
        cancelRound(s, 1);
      }
    }
  }

  private void cancelRound(Session s, int attempt) {
    e.onDone(
        e.exchange.trading().openOrders(e.symbol),
        (orders, err) -> {
          if (err != null || orders == null) {
            if (attempt >= STOP_ATTEMPTS) {
              stopFailed("could not list open orders to confirm the cancel: " + err);
            } else {
              e.scheduler.schedule(() -> cancelRound(s, attempt + 1), 1, TimeUnit.SECONDS);
            }
            return;
          }
          List<String> ours = new ArrayList<>();
          for (Order o : orders) {
            if (o.isOpen() && s.tracker.isOurs(o.clientOrderId())) {
              ours.add(o.clientOrderId());
            }
          }
          if (ours.isEmpty()) {
            stopped(s);
          } else if (attempt > STOP_ATTEMPTS) {
            stopFailed(ours.size() + " orders of the bot are still open: " + ours);
          } else {
            e.onDone(s.executor.cancel(ours), (v, err2) -> cancelRound(s, attempt + 1));
          }
        });
  }

  private void stopped(@Nullable Session s) {
    if (s != null) {
      s.tracker.clear();
      DeadManSwitchKeeper dms = s.deadMan;
      if (dms != null) {
        e.onDone(
            dms.disarm(),
            (v, err) -> {
              if (err != null) {
                e.failed("disarm dead-man switch", err);
              }
            });
      }
    }
    e.phase = Phase.STOPPED;
    cancelling = false;
    e.emit(new TradingEvent.BotStopped(e.name, e.now(), stopReason));
    e.publish();
    completeWaiters(null);
  }

  private void stopFailed(String message) {
    e.lastError = message;
    e.phase = Phase.STOPPED;
    cancelling = false;
    IllegalStateException error = new IllegalStateException(message);
    e.emit(new TradingEvent.BotError(e.name, e.now(), message, error));
    e.publish();
    completeWaiters(error);
  }

  private void completeWaiters(@Nullable Throwable error) {
    List<CompletableFuture<Void>> waiters = List.copyOf(stopWaiters);
    stopWaiters.clear();
    for (CompletableFuture<Void> w : waiters) {
      if (error == null) {
        w.complete(null);
      } else {
        w.completeExceptionally(error);
      }
    }
  }

  /**
   * Subscribes the public trades stream once the running strategy wants trades (at start, or when
   * {@code updateStrategy} brings one that does); a strategy that ignores them costs no stream.
   */
  void subscribeTradesIfWanted() {
    Feeds f = feeds;
    if (f != null && trades == null && e.strategy.wantsTrades()) {
      Subscription sub = e.exchange.streams().trades(e.symbol, f.trades());
      trades = sub;
      subscriptions.add(sub);
    }
  }

  private void closeFeeds() {
    for (Subscription sub : subscriptions) {
      sub.close();
    }
    subscriptions.clear();
    feeds = null;
    trades = null;
    for (Cancellable t : timers) {
      t.cancel();
    }
    timers.clear();
    Session s = e.session;
    DeadManSwitchKeeper dms = s == null ? null : s.deadMan;
    if (dms != null) {
      dms.stopRearming(); // a failed stop leaves the venue's countdown running
    }
    Cancellable d = e.deferred;
    if (d != null) {
      d.cancel();
      e.deferred = null;
    }
  }
}
