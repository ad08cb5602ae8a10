package dev.tradekit.api;

import dev.tradekit.api.model.KlineInterval;

/**
 * Live market data and the account's user events, pushed to listeners.
 *
 * <pre>{@code
 * Subscription s = exchange.streams().orderBook("BTCUSDT", new OrderBookListener() {
 *   public void onBook(OrderBookView book) { mid = (book.bestBidTicks() + book.bestAskTicks()) / 2; }
 * });
 * }</pre>
 *
 * <p>Listeners are called on the exchange's event thread, one event at a time and in order per
 * subscription. They must return quickly and never block: an engine hands the event to its own
 * {@link dev.tradekit.api.runtime.Scheduler}. An exception thrown by a listener is logged by the
 * exchange and does not end the subscription.
 */
public interface Streams {

  /**
   * A local order book kept in sync with the venue (snapshot plus diffs, resynchronised after a
   * gap); the listener sees the book after every applied update.
   */
  Subscription orderBook(String symbol, OrderBookListener listener);

  /** Public trades of a symbol. */
  Subscription trades(String symbol, TradeListener listener);

  /**
   * Candlesticks of a symbol: each update of the bar being built and each closed bar exactly once
   * (a reconnect neither repeats nor skips a closed bar). Bars open and close on the venue's
   * interval boundaries (UTC, epoch-aligned; weeks start on Monday).
   *
   * @throws IllegalArgumentException when the venue cannot serve {@code interval} (the simulator
   *     does not build calendar months)
   */
  Subscription klines(String symbol, KlineInterval interval, KlineListener listener);

  /** Best bid and ask of a symbol as they change. */
  Subscription bookTicker(String symbol, BookTickerListener listener);

  /** The account's order updates, fills and balance/position changes. */
  Subscription userEvents(UserEventListener listener);
}
