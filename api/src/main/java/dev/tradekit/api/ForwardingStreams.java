package dev.tradekit.api;

import dev.tradekit.api.model.KlineInterval;
import java.util.Objects;

/**
 * A {@link Streams} that forwards every subscription to another one; subclass it and override only
 * the streams a decorator changes (for example, to wrap the user-event listener).
 *
 * <pre>{@code
 * Streams watched = new ForwardingStreams(ex.streams()) {
 *   @Override public Subscription userEvents(UserEventListener l) {
 *     return super.userEvents(new LoggingListener(l));
 *   }
 * };
 * }</pre>
 */
public class ForwardingStreams implements Streams {
  /** The streams every subscription goes to unless overridden. */
  protected final Streams delegate;

  /** Forwards to {@code delegate}. */
  public ForwardingStreams(Streams delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Subscription orderBook(String symbol, OrderBookListener listener) {
    return delegate.orderBook(symbol, listener);
  }

  @Override
  public Subscription trades(String symbol, TradeListener listener) {
    return delegate.trades(symbol, listener);
  }

  @Override
  public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
    return delegate.klines(symbol, interval, listener);
  }

  @Override
  public Subscription bookTicker(String symbol, BookTickerListener listener) {
    return delegate.bookTicker(symbol, listener);
  }

  @Override
  public Subscription userEvents(UserEventListener listener) {
    return delegate.userEvents(listener);
  }
}
