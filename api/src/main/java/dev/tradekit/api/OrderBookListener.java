package dev.tradekit.api;

import dev.tradekit.api.book.OrderBookView;

/**
 * Receives a locally maintained order book after each update.
 *
 * <pre>{@code
 * OrderBookListener l = book -> lastMid = (book.bestBidTicks() + book.bestAskTicks()) / 2;
 * }</pre>
 *
 * <p>Called on the exchange's event thread; must not block. The view is valid only during the call:
 * copy what you keep.
 */
@FunctionalInterface
public interface OrderBookListener {

  /** A listener that ignores everything. */
  OrderBookListener NONE = book -> {};

  /** The book after an update was applied. */
  void onBook(OrderBookView book);

  /**
   * The book cannot be trusted until the next {@link #onBook}: a gap in the update ids or a dropped
   * connection. Quoting engines stop quoting until then.
   */
  default void onStale(String symbol, String reason) {}
}
