package dev.tradekit.copier.fake;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.KlineInterval;
import java.util.List;

/** The fake venue's streams: user events only. */
final class FakeStreams implements Streams {
  private final List<UserEventListener> listeners;

  FakeStreams(List<UserEventListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public Subscription orderBook(String symbol, OrderBookListener listener) {
    throw new UnsupportedOperationException("fake venue: orderBook stream");
  }

  @Override
  public Subscription trades(String symbol, TradeListener listener) {
    throw new UnsupportedOperationException("fake venue: trades stream");
  }

  @Override
  public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
    throw new UnsupportedOperationException("fake venue: klines stream");
  }

  @Override
  public Subscription bookTicker(String symbol, BookTickerListener listener) {
    throw new UnsupportedOperationException("fake venue: bookTicker stream");
  }

  @Override
  public Subscription userEvents(UserEventListener listener) {
    listeners.add(listener);
    return new Subscription() {
      @Override
      public boolean isActive() {
        return listeners.contains(listener);
      }

      @Override
      public void close() {
        listeners.remove(listener);
      }
    };
  }
}
