package dev.tradekit.marketmaker;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
import dev.tradekit.marketmaker.Engine.Phase;

/**
 * The stream listeners of one session. They run on the exchange's thread and only hand events to
 * the engine's scheduler; book updates are coalesced so that a burst of updates costs one task.
 */
final class Feeds {
  private final Engine e;
  private final Session s;
  private final Book book = new Book();

  Feeds(Engine e, Session s) {
    this.e = e;
    this.s = s;
  }

  OrderBookListener book() {
    return book;
  }

  TradeListener trades() {
    return trade -> e.scheduler.execute(() -> onTrade(trade));
  }

  UserEventListener userEvents() {
    return new UserEventListener() {
      @Override
      public void onOrderUpdate(Order order) {
        e.scheduler.execute(
            () -> {
              if (e.session == s) {
                orderUpdate(order);
              }
            });
      }

      @Override
      public void onFill(Fill fill) {
        e.scheduler.execute(
            () -> {
              if (e.session == s) {
                fill(fill);
              }
            });
      }

      @Override
      public void onAccountUpdate(AccountUpdate update) {
        e.scheduler.execute(
            () -> {
              if (e.session == s) {
                s.account.apply(update);
              }
            });
      }

      @Override
      public void onConnectionState(ConnectionState state) {
        e.scheduler.execute(() -> connection(state));
      }
    };
  }

  /** An order update of the user stream (scheduler thread). */
  private void orderUpdate(Order o) {
    if (!e.symbol.equals(o.symbol()) || !s.tracker.isOurs(o.clientOrderId())) {
      return;
    }
    s.tracker.apply(o, e.now());
    e.emit(new TradingEvent.OrderUpdated(e.name, e.now(), o));
    if (!o.isOpen()) {
      e.requestQuote();
    }
  }

  /** A fill of the user stream (scheduler thread): inventory first, then strategy and listener. */
  private void fill(Fill f) {
    if (!e.symbol.equals(f.symbol())) {
      return;
    }
    s.account.applyFill(f);
    if (s.tracker.isOurs(f.clientOrderId())) {
      e.fills++;
      try {
        e.strategy.onFill(f, e.now());
      } catch (RuntimeException ex) {
        e.fail("strategy failed on a fill", ex);
        return;
      }
      e.emit(new TradingEvent.OrderFilled(e.name, e.now(), f));
    }
    e.publish();
    e.requestQuote();
  }

  private void connection(ConnectionState state) {
    if (e.session != s) {
      return;
    }
    if (state == ConnectionState.DISCONNECTED) {
      e.userStreamDown = true; // fills are not seen: stop quoting until the stream is back
    } else if (e.userStreamDown || state == ConnectionState.RECONNECTED) {
      e.userStreamDown = false;
      e.needReconcile = true;
    }
    e.requestQuote();
  }

  private void onTrade(Trade trade) {
    if (e.session != s || e.phase != Phase.RUNNING || e.bookTime == 0) {
      return;
    }
    double mid = (s.scale.toDouble(e.bidTicks) + s.scale.toDouble(e.askTicks)) / 2;
    try {
      e.strategy.onTrade(trade, mid);
    } catch (RuntimeException ex) {
      e.fail("strategy failed on a trade", ex);
    }
  }

  /** Keeps the latest top of book and schedules one drain per burst. */
  private final class Book implements OrderBookListener {
    private long bid;
    private long ask;
    private long time;
    private boolean pending;
    private final Runnable drain = this::drain;

    @Override
    public void onBook(OrderBookView view) {
      if (view.isEmpty(Side.BUY) || view.isEmpty(Side.SELL)) {
        return;
      }
      boolean schedule;
      synchronized (this) {
        bid = view.bestBidTicks();
        ask = view.bestAskTicks();
        time = view.timestamp();
        schedule = !pending;
        pending = true;
      }
      if (schedule) {
        e.scheduler.execute(drain);
      }
    }

    @Override
    public void onStale(String symbol, String reason) {
      e.scheduler.execute(
          () -> {
            if (e.session == s) {
              e.bookStale = true;
              e.requestQuote();
            }
          });
    }

    private void drain() {
      long b;
      long a;
      long t;
      synchronized (this) {
        b = bid;
        a = ask;
        t = time;
        pending = false;
      }
      if (e.session != s || e.phase != Phase.RUNNING) {
        return;
      }
      e.bidTicks = b;
      e.askTicks = a;
      e.bookTime = t > 0 ? t : e.now();
      e.bookStale = false;
      e.requestQuote();
    }
  }
}
