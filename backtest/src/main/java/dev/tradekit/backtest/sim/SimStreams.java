package dev.tradekit.backtest.sim;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.KlineInterval;
import java.util.Objects;

/**
 * Streams of one simulated account: market listeners are called with the visible (delayed) market
 * as events are released, user listeners with the account's events; all on the venue's thread.
 */
final class SimStreams implements Streams {
  private final SimExchange ex;

  SimStreams(SimExchange ex) {
    this.ex = ex;
  }

  private VisibleFeed feed(String symbol) {
    VisibleFeed f = ex.venue.feed(Objects.requireNonNull(symbol, "symbol"));
    if (f == null) {
      throw new UnknownSymbolException(
          SimExchangeProvider.ID,
          -1121,
          "Invalid symbol " + symbol + ": listed are " + ex.venue.symbols());
    }
    return f;
  }

  @Override
  public Subscription orderBook(String symbol, OrderBookListener listener) {
    return ex.track(feed(symbol).bookListeners.add(listener));
  }

  @Override
  public Subscription trades(String symbol, TradeListener listener) {
    return ex.track(feed(symbol).tradeListeners.add(listener));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Bars are built from the visible trades (or the data's bars) from the moment of subscribing,
   * by {@link dev.tradekit.backtest.data.KlineAggregator}'s rules: a bar closes on the first
   * visible event after its close time. In a {@code Backtest}, bar data reaches the venue as four
   * trades per bar, so the bars rebuilt here have the data's open, high, low, close and volume.
   */
  @Override
  public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
    VisibleFeed f = feed(symbol);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(listener, "listener");
    return ex.track(f.klineListeners.add(f.klineFeed(interval, listener)));
  }

  @Override
  public Subscription bookTicker(String symbol, BookTickerListener listener) {
    return ex.track(feed(symbol).tickerListeners.add(listener));
  }

  @Override
  public Subscription userEvents(UserEventListener listener) {
    Subscription s = ex.track(ex.account.listeners.add(listener));
    ex.venue
        .scheduler()
        .execute(
            () -> {
              if (s.isActive()) {
                listener.onConnectionState(ConnectionState.CONNECTED);
              }
            });
    return s;
  }
}
